package org.onewindow.client.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.onewindow.client.provisioning.Provisioning;

/**
 * The TLS context the provisioning file describes: the back-end's certificate must chain to the configured
 * trust anchors (only those), and the workstation authenticates with its PKCS#12 client certificate.
 */
public final class TlsContexts {
    private TlsContexts() {
    }

    /** Empty when the file configures no TLS material (embedded back-end or loopback http). */
    public static Optional<SSLContext> fromProvisioning(Provisioning p) throws IOException, GeneralSecurityException {
        if (p.trustAnchors().isEmpty() && p.clientCertificate().isEmpty()) {
            return Optional.empty();
        }
        TrustManagerFactory tmf = null;
        if (p.trustAnchors().isPresent()) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(p.trustAnchors().get())) {
                int i = 0;
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    trust.setCertificateEntry("anchor-" + i++, c);
                }
            }
            tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
        }
        KeyManagerFactory kmf = null;
        if (p.clientCertificate().isPresent()) {
            char[] password = p.clientCertificatePassword().orElse("").toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(p.clientCertificate().get())) {
                keys.load(in, password);
            }
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
        return Optional.of(ctx);
    }
}
