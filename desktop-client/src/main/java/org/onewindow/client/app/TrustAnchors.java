package org.onewindow.client.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import org.onewindow.cache.trust.SqliteTrustDataStore;
import org.onewindow.core.backend.BackendException;
import org.onewindow.verification.backend.HttpHallServices;
import org.onewindow.verification.trust.Certificates;
import org.onewindow.verification.trust.InMemoryTrustListCache;
import org.onewindow.verification.trust.PersistentTrustListCache;
import org.onewindow.verification.trust.TrustListCache;
import org.onewindow.verification.trust.TrustStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trust-list signer and the offline trust store of a workstation. The signer's certificate is pinned in
 * {@code <data>/trust/signer.pem}: laid down by provisioning, or taken from the back-end on first contact and
 * kept (later lists must be signed by the same key). The signed lists are kept in SQLite and re-checked on
 * every load, so offline verdicts survive a restart without the network.
 */
final class TrustAnchors {
    private static final Logger LOG = LoggerFactory.getLogger(TrustAnchors.class);
    static final Duration MAX_AGE = Duration.ofHours(72);

    private TrustAnchors() {
    }

    record Opened(TrustStore store, Optional<X509Certificate> signer, SqliteTrustDataStore data) {
    }

    static Opened open(Path folder, HttpHallServices backend) throws IOException {
        Files.createDirectories(folder);
        Optional<X509Certificate> signer = pinnedSigner(folder.resolve("signer.pem"), backend);
        SqliteTrustDataStore data = new SqliteTrustDataStore(folder.resolve("trust.db"));
        TrustListCache cache = signer.<TrustListCache>map(
                        s -> PersistentTrustListCache.over(data::loadAll, data::replaceAll, s.getPublicKey()))
                .orElseGet(InMemoryTrustListCache::new);
        return new Opened(new TrustStore(cache, MAX_AGE), signer, data);
    }

    private static Optional<X509Certificate> pinnedSigner(Path pem, HttpHallServices backend) throws IOException {
        try {
            if (Files.exists(pem)) {
                return Optional.of(Certificates.parse(Files.readAllBytes(pem)));
            }
            byte[] fetched = backend.callBytes("GET", "/api/v1/trust-lists/signer");
            X509Certificate cert = Certificates.parse(fetched);
            Files.write(pem, fetched);
            LOG.info("trust-list signer pinned from the back-end (first contact)");
            return Optional.of(cert);
        } catch (BackendException e) {
            LOG.warn("no trust-list signer yet (back-end unreachable, none provisioned): offline formats stay unverifiable");
            return Optional.empty();
        } catch (CertificateException e) {
            throw new IOException("the trust-list signer certificate is unreadable: " + pem, e);
        }
    }
}
