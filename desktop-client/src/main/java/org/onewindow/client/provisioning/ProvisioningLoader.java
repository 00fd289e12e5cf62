package org.onewindow.client.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.onewindow.cache.crypto.CipherSuite;

/**
 * Reads a provisioning file (Java properties, UTF-8) and validates all of it: unknown or misspelt keys,
 * missing required keys, malformed values, files that do not exist or do not open, and settings that only
 * make sense together. Reports every mistake at once so IT fixes the file in one go.
 */
public final class ProvisioningLoader {
    private ProvisioningLoader() {
    }

    public static Provisioning load(Path file) throws ProvisioningException {
        Map<String, String> raw;
        try {
            raw = read(file);
        } catch (CharacterCodingException e) {
            throw new ProvisioningException(file, List.of(new ProvisioningProblem("(file)",
                    "is not UTF-8 text", "the file saved as UTF-8 (Chinese hall names need it)")));
        } catch (IOException e) {
            throw new ProvisioningException(file, List.of(new ProvisioningProblem("(file)",
                    "cannot be read: " + e.getMessage(), "a readable file; run as a user who may read it")));
        }
        Provisioning p = null;
        ProvisioningException invalid = null;
        try {
            p = validate(file, raw);
        } catch (ProvisioningException e) {
            invalid = e;
        }
        List<ProvisioningProblem> problems = new ArrayList<>(invalid == null ? List.of() : invalid.problems());
        if (writableByEveryone(file)) {
            // anyone who can edit the file can point the client at another back-end: the lock must hold
            problems.add(new ProvisioningProblem("(file)", "can be changed by every user of this PC",
                    "writable by IT only: chmod 644 (or 640 with group onewindow when it holds secrets)"));
        }
        if (!problems.isEmpty()) {
            throw new ProvisioningException(file, problems);
        }
        return p;
    }

    private static boolean writableByEveryone(Path file) {
        try {
            return Files.getPosixFilePermissions(file).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return false; // Windows: %ProgramData%'s inherited ACL is the lock (docs/it-deployment.md)
        }
    }

    /** The raw key/value text of a file, unvalidated (for tools that must work on a broken file). */
    public static Map<String, String> read(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file);
             Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            p.load(reader);
        }
        Map<String, String> raw = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> raw.put(k, p.getProperty(k).strip()));
        return raw;
    }

    /** Validates key/value text as read from {@code source}. */
    public static Provisioning validate(Path source, Map<String, String> raw) throws ProvisioningException {
        List<ProvisioningProblem> problems = new ArrayList<>();
        for (String k : raw.keySet()) {
            if (ProvisioningSchema.key(k).isEmpty()) {
                problems.add(new ProvisioningProblem(k, "is not a known key",
                        ProvisioningSchema.closest(k).map(c -> "'" + c + "'").orElse("one of the keys in the template")));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ProvisioningKey key : ProvisioningSchema.keys()) {
            String text = raw.get(key.name());
            if (text == null || text.isEmpty()) {
                if (key.required()) {
                    problems.add(new ProvisioningProblem(key.name(), "is missing", "e.g. " + key.example()));
                    continue;
                }
                text = key.defaultValue();
                if (text == null) {
                    continue;
                }
            }
            try {
                values.put(key.name(), key.parser().apply(text));
            } catch (ProvisioningKey.Invalid e) {
                String problem = key.secret() ? e.getMessage().replace(text, "(secret)") : e.getMessage();
                problems.add(new ProvisioningProblem(key.name(), problem, e.expected()));
            }
        }
        checkTogether(values, problems);
        if (!problems.isEmpty()) {
            throw new ProvisioningException(source, problems);
        }
        return build(source, values);
    }

    private static void checkTogether(Map<String, Object> v, List<ProvisioningProblem> problems) {
        Object trust = v.get(ProvisioningSchema.TRUST_ANCHORS);
        if (trust instanceof Path p) {
            checkTrustAnchors(p, problems);
        }
        Object cert = v.get(ProvisioningSchema.CLIENT_CERT);
        Object password = v.get(ProvisioningSchema.CLIENT_CERT_PASSWORD);
        if (cert instanceof Path p) {
            if (password == null) {
                problems.add(new ProvisioningProblem(ProvisioningSchema.CLIENT_CERT_PASSWORD,
                        "is missing while " + ProvisioningSchema.CLIENT_CERT + " is set", "the PKCS#12 password"));
            } else {
                checkClientCertificate(p, (String) password, problems);
            }
        } else if (password != null) {
            problems.add(new ProvisioningProblem(ProvisioningSchema.CLIENT_CERT_PASSWORD,
                    "is set but " + ProvisioningSchema.CLIENT_CERT + " is not", "both keys or neither"));
        }
        Object url = v.get(ProvisioningSchema.BACKEND_URL);
        if (url instanceof URI u && u.getScheme().equals("https") && trust == null) {
            // the JDK's public CAs would do, but government back-ends use their own CA: demand an explicit choice
            problems.add(new ProvisioningProblem(ProvisioningSchema.TRUST_ANCHORS,
                    "is missing for an https back-end", "the PEM file of the CA that issued the back-end's certificate"));
        }
        Object csca = v.get(ProvisioningSchema.PASSPORT_CSCA);
        if (csca instanceof Path p) {
            checkCertificates(ProvisioningSchema.PASSPORT_CSCA, p, problems);
        }
        Object key = v.get(ProvisioningSchema.UPDATE_KEY);
        if (key instanceof byte[] bytes) {
            try {
                java.security.KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(bytes));
            } catch (GeneralSecurityException e) {
                problems.add(new ProvisioningProblem(ProvisioningSchema.UPDATE_KEY, "is not an Ed25519 public key",
                        "the Base64 X.509 Ed25519 key published with the back-end"));
            }
        }
        if (Boolean.TRUE.equals(v.get(ProvisioningSchema.BRIDGE_ENABLED))) {
            if (v.get(ProvisioningSchema.BRIDGE_TOKEN) == null && !reported(problems, ProvisioningSchema.BRIDGE_TOKEN)) {
                problems.add(new ProvisioningProblem(ProvisioningSchema.BRIDGE_TOKEN, "is missing while the bridge is on",
                        "at least 32 random characters"));
            }
            Object origins = v.get(ProvisioningSchema.BRIDGE_ORIGINS);
            if (origins instanceof List<?> l && l.isEmpty()) {
                problems.add(new ProvisioningProblem(ProvisioningSchema.BRIDGE_ORIGINS, "is empty while the bridge is on",
                        "the web origin of the intake system, e.g. https://intake.example.gov.cn"));
            }
        }
        Object dir = v.get(ProvisioningSchema.DATA_DIR);
        if (dir instanceof Path p && !p.isAbsolute()) {
            problems.add(new ProvisioningProblem(ProvisioningSchema.DATA_DIR, "'" + p + "' is a relative path",
                    "an absolute folder path, e.g. /var/lib/onewindow"));
        }
    }

    private static boolean reported(List<ProvisioningProblem> problems, String key) {
        return problems.stream().anyMatch(p -> p.key().equals(key));
    }

    private static void checkTrustAnchors(Path pem, List<ProvisioningProblem> problems) {
        checkCertificates(ProvisioningSchema.TRUST_ANCHORS, pem, problems);
    }

    private static void checkCertificates(String key, Path pem, List<ProvisioningProblem> problems) {
        if (!Files.isReadable(pem)) {
            problems.add(new ProvisioningProblem(key, "file " + pem + " does not exist or cannot be read",
                    "a readable PEM file"));
            return;
        }
        try (InputStream in = Files.newInputStream(pem)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                problems.add(new ProvisioningProblem(key, "file " + pem + " holds no certificate",
                        "one or more -----BEGIN CERTIFICATE----- blocks"));
            }
        } catch (IOException | CertificateException e) {
            problems.add(new ProvisioningProblem(key, "file " + pem + " is not a PEM certificate file",
                    "one or more -----BEGIN CERTIFICATE----- blocks"));
        }
    }

    private static void checkClientCertificate(Path p12, String password, List<ProvisioningProblem> problems) {
        String key = ProvisioningSchema.CLIENT_CERT;
        if (!Files.isReadable(p12)) {
            problems.add(new ProvisioningProblem(key, "file " + p12 + " does not exist or cannot be read",
                    "a readable PKCS#12 (.p12) file"));
            return;
        }
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            boolean hasKey = false;
            for (String alias : java.util.Collections.list(ks.aliases())) {
                hasKey |= ks.isKeyEntry(alias);
            }
            if (!hasKey) {
                problems.add(new ProvisioningProblem(key, "file " + p12 + " holds no private key",
                        "a PKCS#12 file with the workstation's certificate and its key"));
            }
        } catch (IOException e) {
            problems.add(new ProvisioningProblem(key, "file " + p12 + " does not open with the configured password",
                    "the password in " + ProvisioningSchema.CLIENT_CERT_PASSWORD + " to match the file"));
        } catch (GeneralSecurityException e) {
            problems.add(new ProvisioningProblem(key, "file " + p12 + " is not a PKCS#12 key store",
                    "a PKCS#12 (.p12) file"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Provisioning build(Path source, Map<String, Object> v) {
        Object url = v.get(ProvisioningSchema.BACKEND_URL);
        boolean bridgeOn = (Boolean) v.get(ProvisioningSchema.BRIDGE_ENABLED);
        return new Provisioning(source,
                (String) v.get(ProvisioningSchema.HALL),
                (String) v.get(ProvisioningSchema.WINDOW),
                (String) v.get(ProvisioningSchema.WORKSTATION),
                url instanceof URI u ? Optional.of(u) : Optional.empty(),
                Optional.ofNullable((Path) v.get(ProvisioningSchema.TRUST_ANCHORS)),
                Optional.ofNullable((Path) v.get(ProvisioningSchema.CLIENT_CERT)),
                Optional.ofNullable((String) v.get(ProvisioningSchema.CLIENT_CERT_PASSWORD)),
                Optional.ofNullable((byte[]) v.get(ProvisioningSchema.UPDATE_KEY)),
                Optional.ofNullable((Path) v.get(ProvisioningSchema.DATA_DIR)),
                v.get(ProvisioningSchema.LOCALE).equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE,
                (DeviceSetting) v.get(ProvisioningSchema.ID_READER),
                (Integer) v.get(ProvisioningSchema.ID_READER_BAUD),
                new Provisioning.CameraSetup((DeviceSetting) v.get(ProvisioningSchema.FACE_CAMERA),
                        (Resolution) v.get(ProvisioningSchema.FACE_CAMERA_RESOLUTION),
                        (DeviceSetting) v.get(ProvisioningSchema.DOCUMENT_CAMERA),
                        (Resolution) v.get(ProvisioningSchema.DOCUMENT_CAMERA_RESOLUTION),
                        Optional.ofNullable((Path) v.get(ProvisioningSchema.FFMPEG))),
                (DeviceSetting) v.get(ProvisioningSchema.SCANNER),
                (Integer) v.get(ProvisioningSchema.SCANNER_BAUD),
                new Provisioning.PassportSetup((DeviceSetting) v.get(ProvisioningSchema.PASSPORT_READER),
                        Optional.ofNullable((Path) v.get(ProvisioningSchema.PASSPORT_CSCA))),
                new Provisioning.FacePolicy((Double) v.get(ProvisioningSchema.FACE_MATCH),
                        (Integer) v.get(ProvisioningSchema.FACE_ATTEMPTS), (Boolean) v.get(ProvisioningSchema.FACE_LIVENESS)),
                Duration.ofSeconds((Integer) v.get(ProvisioningSchema.CARD_READ_TIMEOUT)),
                (Integer) v.get(ProvisioningSchema.RETENTION_DAYS),
                v.get(ProvisioningSchema.ARCHIVE_CIPHER).equals("SM4-GCM") ? CipherSuite.SM4_GCM : CipherSuite.AES_256_GCM,
                ((String) v.get(ProvisioningSchema.LOG_LEVEL)).toUpperCase(Locale.ROOT),
                new Provisioning.Bridge(bridgeOn, (Integer) v.get(ProvisioningSchema.BRIDGE_PORT),
                        (List<String>) v.get(ProvisioningSchema.BRIDGE_ORIGINS),
                        Optional.ofNullable((String) v.get(ProvisioningSchema.BRIDGE_TOKEN))),
                (org.onewindow.client.citizen.CitizenDisplayMode) v.get(ProvisioningSchema.CITIZEN_DISPLAY),
                (Boolean) v.get(ProvisioningSchema.DEMO));
    }
}
