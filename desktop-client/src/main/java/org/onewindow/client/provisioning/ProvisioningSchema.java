package org.onewindow.client.provisioning;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Every key a provisioning file may hold, in the order the template and the wizard show them. */
public final class ProvisioningSchema {
    public static final String HALL = "hall.name";
    public static final String WINDOW = "hall.window";
    public static final String WORKSTATION = "workstation.id";
    public static final String BACKEND_URL = "backend.url";
    public static final String TRUST_ANCHORS = "backend.tls.trustAnchors";
    public static final String CLIENT_CERT = "backend.tls.clientCertificate";
    public static final String CLIENT_CERT_PASSWORD = "backend.tls.clientCertificatePassword";
    public static final String UPDATE_KEY = "update.manifestPublicKey";
    public static final String DATA_DIR = "data.dir";
    public static final String LOCALE = "locale";
    public static final String ID_READER = "device.idReader";
    public static final String ID_READER_BAUD = "device.idReader.baud";
    public static final String FACE_CAMERA = "device.faceCamera";
    public static final String FACE_CAMERA_RESOLUTION = "device.faceCamera.resolution";
    public static final String DOCUMENT_CAMERA = "device.documentCamera";
    public static final String DOCUMENT_CAMERA_RESOLUTION = "device.documentCamera.resolution";
    public static final String FFMPEG = "device.ffmpeg";
    public static final String SCANNER = "device.scanner";
    public static final String PASSPORT_READER = "device.passportReader";
    public static final String PASSPORT_CSCA = "device.passportReader.csca";
    public static final String SCANNER_BAUD = "device.scanner.baud";
    public static final String FACE_MATCH = "threshold.faceMatch";
    public static final String FACE_ATTEMPTS = "threshold.faceAttempts";
    public static final String FACE_LIVENESS = "face.liveness";
    public static final String CARD_READ_TIMEOUT = "threshold.cardReadTimeoutSeconds";
    public static final String RETENTION_DAYS = "retention.days";
    public static final String ARCHIVE_CIPHER = "archive.cipher";
    public static final String LOG_LEVEL = "log.level";
    public static final String BRIDGE_ENABLED = "bridge.enabled";
    public static final String BRIDGE_PORT = "bridge.port";
    public static final String BRIDGE_ORIGINS = "bridge.allowedOrigins";
    public static final String BRIDGE_TOKEN = "bridge.token";
    public static final String CITIZEN_DISPLAY = "display.citizen";
    public static final String DEMO = "demo";

    /** The value that means "start the sandbox back-end in-process" (demo and training machines). */
    public static final String EMBEDDED = "embedded";

    private static final Pattern WINDOW_PATTERN = Pattern.compile("[A-Za-z0-9]{1,4}");
    private static final Pattern WORKSTATION_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{2,39}");
    private static final Pattern RESOLUTION_PATTERN = Pattern.compile("(\\d{2,5})\\s*[xX×]\\s*(\\d{2,5})");
    private static final Set<Integer> BAUD_RATES = Set.of(9600, 19200, 38400, 57600, 115200);

    private static final List<ProvisioningKey> KEYS = List.of(
            key(HALL, true, null, "济南市民中心", false, "Hall name, shown in the title and written into evidence",
                    ProvisioningSchema::nonBlank),
            key(WINDOW, true, null, "08", false, "Counter window number", v -> matching(v, WINDOW_PATTERN,
                    "1 to 4 letters or digits, e.g. 08")),
            key(WORKSTATION, true, null, "WS-JN-08", false, "Workstation id, unique in the province (evidence chain)",
                    v -> matching(v, WORKSTATION_PATTERN, "3 to 40 letters, digits, '-' or '_', e.g. WS-JN-08")),
            key(BACKEND_URL, true, null, "https://hall.example.gov.cn/onewindow", false,
                    "Back-end base URL, or 'embedded' for the in-process sandbox (demo/training only)",
                    ProvisioningSchema::backendUrl),
            key(TRUST_ANCHORS, false, null, "/etc/onewindow/tls/ca.pem", false,
                    "PEM file with the CA certificates the back-end's TLS certificate must chain to", ProvisioningSchema::path),
            key(CLIENT_CERT, false, null, "/etc/onewindow/tls/ws-jn-08.p12", false,
                    "PKCS#12 file with this workstation's TLS client certificate and key", ProvisioningSchema::path),
            key(CLIENT_CERT_PASSWORD, false, null, "(secret)", true, "Password of the PKCS#12 file",
                    v -> v),
            key(UPDATE_KEY, false, null, "MCowBQYDK2VwAyEA...", false,
                    "Base64 Ed25519 public key that signs the back-end's update manifest", ProvisioningSchema::base64),
            key(DATA_DIR, false, null, "/var/lib/onewindow", false,
                    "Data folder (evidence outbox, keys, logs); default: ~/.onewindow of the signed-in user",
                    ProvisioningSchema::path),
            key(LOCALE, false, "zh_CN", "zh_CN", false, "Language: zh_CN or en", v -> oneOf(v, "zh_CN", "en")),
            key(ID_READER, false, "simulated", "serial:/dev/ttyUSB0", false,
                    "ID card reader: simulated, none or serial:<port>", v -> device(v, DeviceSetting.Kind.NONE,
                            DeviceSetting.Kind.SIMULATED, DeviceSetting.Kind.SERIAL)),
            key(ID_READER_BAUD, false, "115200", "115200", false, "ID card reader baud rate", ProvisioningSchema::baud),
            key(FACE_CAMERA, false, "none", "system:HD USB Camera (video0)", false,
                    "Face camera for the person-ID check: none, simulated or system:<name as the wizard or diag lists it>",
                    v -> device(v, DeviceSetting.Kind.NONE, DeviceSetting.Kind.SIMULATED, DeviceSetting.Kind.SYSTEM)),
            key(FACE_CAMERA_RESOLUTION, false, "640x480", "640x480", false,
                    "Face camera capture size, WIDTHxHEIGHT (the face check needs no more than 640x480)",
                    ProvisioningSchema::resolution),
            key(DOCUMENT_CAMERA, false, "none", "system:Document Camera (video2)", false,
                    "Document camera (高拍仪): none, simulated or system:<name as the wizard or diag lists it>",
                    v -> device(v, DeviceSetting.Kind.NONE, DeviceSetting.Kind.SIMULATED, DeviceSetting.Kind.SYSTEM)),
            key(DOCUMENT_CAMERA_RESOLUTION, false, "1600x1200", "2592x1944", false,
                    "Document camera capture size, WIDTHxHEIGHT (an A4 page needs about 1600x1200 to stay legible)",
                    ProvisioningSchema::resolution),
            key(FFMPEG, false, null, "/usr/bin/ffmpeg", false,
                    "ffmpeg program that captures the cameras; default: the one installed with OneWindow, else ffmpeg on the PATH",
                    ProvisioningSchema::path),
            key(SCANNER, false, "keyboard", "serial:/dev/ttyACM0", false,
                    "Code scanner: keyboard (USB scanner typing like a keyboard), serial:<port>, simulated or none",
                    v -> device(v, DeviceSetting.Kind.NONE, DeviceSetting.Kind.KEYBOARD, DeviceSetting.Kind.SIMULATED,
                            DeviceSetting.Kind.SERIAL)),
            key(SCANNER_BAUD, false, "9600", "9600", false, "Serial scanner baud rate", ProvisioningSchema::baud),
            key(PASSPORT_READER, false, "none", "pcsc", false,
                    "Passport chip reader: none, simulated, pcsc (the first PC/SC reader with a chip) or pcsc:<reader name>",
                    v -> device(v, DeviceSetting.Kind.NONE, DeviceSetting.Kind.SIMULATED, DeviceSetting.Kind.PCSC)),
            key(PASSPORT_CSCA, false, null, "/etc/onewindow/csca.pem", false,
                    "PEM file with the CSCA certificates passports are checked against (without it the chain is not checked)",
                    ProvisioningSchema::path),
            key(FACE_MATCH, false, "0.60", "0.60", false,
                    "Face compare score needed to pass (0.50 to 0.99; the sandbox engine is calibrated for 0.60)",
                    v -> decimal(v, 0.5, 0.99)),
            key(FACE_ATTEMPTS, false, "3", "3", false, "Face compares per citizen before the clerk decides (1 to 10)",
                    v -> integer(v, 1, 10)),
            key(FACE_LIVENESS, false, "true", "true", false,
                    "Ask for a blink or head turn before comparing (liveness hint): true or false", ProvisioningSchema::bool),
            key(CARD_READ_TIMEOUT, false, "2", "2", false, "Seconds a card read may take before the reader is asked again (1 to 60)",
                    v -> integer(v, 1, 60)),
            key(RETENTION_DAYS, false, "0", "0", false,
                    "Days archived evidence stays on this PC after the archive's receipt (0 to 3650; 0 deletes it at once)",
                    v -> integer(v, 0, 3650)),
            key(ARCHIVE_CIPHER, false, "AES-256-GCM", "SM4-GCM", false,
                    "Encryption of the evidence kept on this PC: AES-256-GCM or SM4-GCM (national algorithm)",
                    v -> oneOf(v.toUpperCase(Locale.ROOT), "AES-256-GCM", "SM4-GCM")),
            key(LOG_LEVEL, false, "INFO", "INFO", false, "Log level: ERROR, WARN, INFO, DEBUG or TRACE",
                    v -> oneOf(v.toUpperCase(Locale.ROOT), "ERROR", "WARN", "INFO", "DEBUG", "TRACE")),
            key(BRIDGE_ENABLED, false, "false", "false", false,
                    "Local bridge for web intake systems (loopback only): true or false", ProvisioningSchema::bool),
            key(BRIDGE_PORT, false, "17321", "17321", false, "Local bridge port on 127.0.0.1 (1024 to 65535)",
                    v -> integer(v, 1024, 65535)),
            key(BRIDGE_ORIGINS, false, "", "https://intake.example.gov.cn", false,
                    "Comma-separated web origins allowed to use the bridge", ProvisioningSchema::origins),
            key(BRIDGE_TOKEN, false, null, "(secret, at least 32 characters)", true,
                    "Token the web page must send to the bridge", v -> {
                        if (v.length() < 32) {
                            throw new ProvisioningKey.Invalid("is too short (" + v.length() + " characters)",
                                    "at least 32 random characters");
                        }
                        return v;
                    }),
            key(CITIZEN_DISPLAY, false, "auto", "auto", false,
                    "Citizen display: auto (full screen on a second monitor), window (a window even on one screen) or off",
                    v -> org.onewindow.client.citizen.CitizenDisplayMode.valueOf(
                            ((String) oneOf(v.toLowerCase(Locale.ROOT), "auto", "window", "off")).toUpperCase(Locale.ROOT))),
            key(DEMO, false, "false", "false", false, "Demo device bar and demo account: true or false",
                    ProvisioningSchema::bool));

    private static final Map<String, ProvisioningKey> BY_NAME = index();

    private ProvisioningSchema() {
    }

    public static List<ProvisioningKey> keys() {
        return KEYS;
    }

    public static Optional<ProvisioningKey> key(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static boolean isSecret(String name) {
        return key(name).map(ProvisioningKey::secret).orElse(false);
    }

    /** The known key closest to a misspelt one, if it is close enough to be a typo. */
    public static Optional<String> closest(String unknown) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : BY_NAME.keySet()) {
            int d = distance(unknown.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= 3 ? Optional.of(best) : Optional.empty();
    }

    private static Map<String, ProvisioningKey> index() {
        Map<String, ProvisioningKey> m = new LinkedHashMap<>();
        KEYS.forEach(k -> m.put(k.name(), k));
        return m;
    }

    private static ProvisioningKey key(String name, boolean required, String def, String example, boolean secret,
                                       String description, java.util.function.Function<String, Object> parser) {
        return new ProvisioningKey(name, required, def, example, secret, description, parser);
    }

    private static Object nonBlank(String v) {
        if (v.isBlank()) {
            throw new ProvisioningKey.Invalid("is empty", "a name, e.g. 济南市民中心");
        }
        return v.strip();
    }

    private static Object matching(String v, Pattern p, String expected) {
        if (!p.matcher(v).matches()) {
            throw new ProvisioningKey.Invalid("'" + v + "' is not valid", expected);
        }
        return v;
    }

    private static Object backendUrl(String v) {
        if (v.equalsIgnoreCase(EMBEDDED)) {
            return EMBEDDED;
        }
        String expected = "an https:// URL such as https://hall.example.gov.cn/onewindow, or 'embedded'";
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw new ProvisioningKey.Invalid("'" + v + "' is not a URL", expected);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new ProvisioningKey.Invalid("'" + v + "' is not an http(s) URL with a host", expected);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            // citizen data crosses this link: plain http only to a back-end on this very machine
            throw new ProvisioningKey.Invalid("plain http to " + uri.getHost() + " would send citizen data unencrypted",
                    "https:// (http:// is allowed for 127.0.0.1 and localhost only)");
        }
        return URI.create(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
    }

    static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("[::1]");
    }

    private static Object path(String v) {
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new ProvisioningKey.Invalid("'" + v + "' is not a valid path", "an absolute file or folder path");
        }
    }

    private static Object base64(String v) {
        try {
            return Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            throw new ProvisioningKey.Invalid("is not valid Base64", "the Base64 public key IT received with the back-end");
        }
    }

    private static Object oneOf(String v, String... allowed) {
        if (!Arrays.asList(allowed).contains(v)) {
            throw new ProvisioningKey.Invalid("'" + v + "' is not allowed", "one of " + String.join(", ", allowed));
        }
        return v;
    }

    private static Object bool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ProvisioningKey.Invalid("'" + v + "' is not a yes/no value", "true or false");
        };
    }

    private static Object integer(String v, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ProvisioningKey.Invalid("'" + v + "' is not a whole number", "a whole number from " + min + " to " + max);
        }
        if (n < min || n > max) {
            throw new ProvisioningKey.Invalid(n + " is out of range", "a whole number from " + min + " to " + max);
        }
        return n;
    }

    private static Object decimal(String v, double min, double max) {
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ProvisioningKey.Invalid("'" + v + "' is not a number", "a number from " + min + " to " + max);
        }
        if (!(d >= min && d <= max)) {
            throw new ProvisioningKey.Invalid(v + " is out of range", "a number from " + min + " to " + max);
        }
        return d;
    }

    private static Object resolution(String v) {
        java.util.regex.Matcher m = RESOLUTION_PATTERN.matcher(v.strip());
        String expected = "WIDTHxHEIGHT from 160x120 to 4096x4096, e.g. 640x480 or 1920x1080";
        if (!m.matches()) {
            throw new ProvisioningKey.Invalid("'" + v + "' is not a resolution", expected);
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < 160 || h < 120 || w > 4096 || h > 4096) {
            throw new ProvisioningKey.Invalid(w + "x" + h + " is out of range", expected);
        }
        return new Resolution(w, h);
    }

    private static Object baud(String v) {
        int n = (Integer) integer(v, 1, 10_000_000);
        if (!BAUD_RATES.contains(n)) {
            throw new ProvisioningKey.Invalid(n + " is not a supported baud rate", "9600, 19200, 38400, 57600 or 115200");
        }
        return n;
    }

    private static Object device(String v, DeviceSetting.Kind... allowed) {
        List<DeviceSetting.Kind> kinds = Arrays.asList(allowed);
        List<String> forms = new ArrayList<>();
        for (DeviceSetting.Kind k : allowed) {
            forms.add(switch (k) {
                case SERIAL -> "serial:<port>";
                case SYSTEM -> "system:<name>";
                case PCSC -> "pcsc[:<reader>]";
                default -> k.name().toLowerCase(Locale.ROOT);
            });
        }
        String expected = String.join(", ", forms);
        int colon = v.indexOf(':');
        String head = (colon < 0 ? v : v.substring(0, colon)).toLowerCase(Locale.ROOT);
        String tail = colon < 0 ? null : v.substring(colon + 1).strip();
        DeviceSetting.Kind kind;
        try {
            kind = DeviceSetting.Kind.valueOf(head.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProvisioningKey.Invalid("'" + v + "' is not a device setting", expected);
        }
        if (!kinds.contains(kind)) {
            throw new ProvisioningKey.Invalid("'" + head + "' is not possible for this device", expected);
        }
        boolean needsPort = kind == DeviceSetting.Kind.SERIAL || kind == DeviceSetting.Kind.SYSTEM;
        if (needsPort && (tail == null || tail.isEmpty())) {
            throw new ProvisioningKey.Invalid("'" + v + "' names no port or device",
                    kind == DeviceSetting.Kind.SERIAL ? "serial:/dev/ttyUSB0 or serial:COM3" : "system:<name>");
        }
        if (kind == DeviceSetting.Kind.PCSC) {
            return new DeviceSetting(kind, tail == null || tail.isEmpty() ? null : tail); // the reader name is optional
        }
        if (!needsPort && tail != null) {
            throw new ProvisioningKey.Invalid("'" + v + "' takes no port", expected);
        }
        return new DeviceSetting(kind, tail);
    }

    private static Object origins(String v) {
        List<String> result = new ArrayList<>();
        for (String part : v.split(",")) {
            String o = part.strip();
            if (o.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = new URI(o);
            } catch (URISyntaxException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null || !(o.startsWith("https://") || o.startsWith("http://"))
                    || (uri.getPath() != null && !uri.getPath().isEmpty())) {
                throw new ProvisioningKey.Invalid("'" + o + "' is not a web origin",
                        "scheme://host[:port] without a path, e.g. https://intake.example.gov.cn");
            }
            result.add(o);
        }
        return List.copyOf(result);
    }

    /** Edit distance, for "did you mean". */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
