package org.onewindow.cache.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The workstation's keys, kept in one PKCS#12 keystore laid down at provisioning (or made on first start):
 * <ul>
 *   <li>{@code signing}: ECDSA P-256 key pair with a self-signed certificate; signs every manifest;</li>
 *   <li>{@code wrapping}: AES-256 key that wraps each package's data key.</li>
 * </ul>
 * Creation writes a temporary file, fsyncs it and renames it into place, so a crash never leaves a torn
 * keystore behind. Losing the keystore makes the queued packages unreadable: back it up with the machine
 * identity (docs/archive.md).
 */
public final class WorkstationKeys {
    public static final String KEYSTORE_FILE = "workstation.p12";
    public static final String PASSWORD_FILE = "workstation.p12.pass";
    static final String SIGNING_ALIAS = "signing";
    static final String WRAPPING_ALIAS = "wrapping";

    private final PrivateKey signingKey;
    private final X509Certificate certificate;
    private final SecretKey wrappingKey;

    private WorkstationKeys(PrivateKey signingKey, X509Certificate certificate, SecretKey wrappingKey) {
        this.signingKey = signingKey;
        this.certificate = certificate;
        this.wrappingKey = wrappingKey;
    }

    /**
     * Loads the keystore at {@code keystoreFile}, or creates it (new keys for {@code workstationId}) when
     * there is none.
     */
    public static WorkstationKeys loadOrCreate(Path keystoreFile, char[] password, String workstationId)
            throws IOException, GeneralSecurityException {
        Objects.requireNonNull(password, "password");
        if (Files.exists(keystoreFile)) {
            return load(keystoreFile, password);
        }
        WorkstationKeys keys = generate(workstationId);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(SIGNING_ALIAS, keys.signingKey, password, new Certificate[] {keys.certificate});
        ks.setEntry(WRAPPING_ALIAS, new KeyStore.SecretKeyEntry(keys.wrappingKey),
                new KeyStore.PasswordProtection(password));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, password);
        writeAtomically(keystoreFile, out.toByteArray());
        return keys;
    }

    /**
     * The keystore in {@code folder} ({@value #KEYSTORE_FILE}), its password read from
     * {@value #PASSWORD_FILE} beside it (made owner-only on first start). Provisioning may lay both down;
     * a hall with a TPM or OS key ring should pass the password to {@link #loadOrCreate} instead.
     */
    public static WorkstationKeys openInFolder(Path folder, String workstationId)
            throws IOException, GeneralSecurityException {
        Files.createDirectories(folder);
        Path passwordFile = folder.resolve(PASSWORD_FILE);
        if (!Files.exists(passwordFile)) {
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            writeAtomically(passwordFile, Base64.getEncoder().encode(secret));
        }
        char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).trim().toCharArray();
        return loadOrCreate(folder.resolve(KEYSTORE_FILE), password, workstationId);
    }

    private static WorkstationKeys load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(Files.readAllBytes(file)), password);
        if (!(ks.getKey(SIGNING_ALIAS, password) instanceof PrivateKey signing)
                || !(ks.getCertificate(SIGNING_ALIAS) instanceof X509Certificate cert)
                || !(ks.getKey(WRAPPING_ALIAS, password) instanceof SecretKey wrapping)) {
            throw new GeneralSecurityException("keystore " + file + " lacks the '" + SIGNING_ALIAS + "' or '"
                    + WRAPPING_ALIAS + "' entry");
        }
        return new WorkstationKeys(signing, cert, wrapping);
    }

    private static WorkstationKeys generate(String workstationId) throws GeneralSecurityException {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = ec.generateKeyPair();
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        return new WorkstationKeys(pair.getPrivate(), selfSigned(pair, workstationId), aes.generateKey());
    }

    private static X509Certificate selfSigned(KeyPair pair, String workstationId) throws GeneralSecurityException {
        X500Name subject = new X500Name("CN=" + workstationId.replaceAll("[,=+<>#;\"\\\\]", "_") + ",O=OneWindow workstation");
        Instant now = Instant.now();
        try {
            var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365L * 30))),
                    subject, pair.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot make the workstation certificate", e);
        }
    }

    /** Temp file, fsync, atomic rename, fsync of the folder: the file is either whole or absent. */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, target.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): the folder's ACL protects the file
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(content));
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceFolder(folder);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void forceFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory; the rename is still atomic there
        }
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    public PublicKey publicKey() {
        return certificate.getPublicKey();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public SecretKey wrappingKey() {
        return wrappingKey;
    }

    /** SHA-256 of the public key (SubjectPublicKeyInfo), hex: names the key in signatures and in the database. */
    public String keyId() {
        return Hashes.sha256Hex(publicKey().getEncoded());
    }
}
