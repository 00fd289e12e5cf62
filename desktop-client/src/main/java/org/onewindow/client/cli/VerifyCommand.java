package org.onewindow.client.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.onewindow.devices.scan.decode.DecodedCode;
import org.onewindow.devices.scan.decode.GrayImage;
import org.onewindow.devices.scan.decode.PipelineDecoder;
import com.google.zxing.NotFoundException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.onewindow.core.privacy.Masking;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;
import org.onewindow.verification.chain.ChainConfig;
import org.onewindow.verification.chain.Formats;
import org.onewindow.verification.chain.Outcome;
import org.onewindow.verification.chain.VerifierChain;
import org.onewindow.verification.chain.VerifierChains;
import org.onewindow.verification.trust.TrustFiles;
import org.onewindow.verification.trust.TrustListException;
import org.onewindow.verification.trust.TrustStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code onewindow verify}: verifies payloads for IT staff and scripts, one JSON line per input in the
 * order given. Exit code: 0 all VALID, 3 any INVALID, 4 otherwise any UNVERIFIABLE, 5 a trust file could
 * not be read or the back-end refused the sign-in (picocli keeps 1 for errors and 2 for usage). Citizen names and numbers are masked unless {@code --reveal}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify credential payloads (HCERT, Claim 169, SD-JWT VC, e-license QR, ID numbers) and print one JSON line each.")
public final class VerifyCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PERSONAL = Set.of("holderName", "holderId", "given_name", "family_name", "name",
            "dateOfBirth", "address", "certificateId");

    @Spec
    CommandSpec spec;

    @Option(names = "--payload", paramLabel = "TEXT", description = "A payload as text (repeatable).")
    List<String> payloads = new ArrayList<>();

    @Option(names = "--payload-file", paramLabel = "FILE", description = "A file holding one payload (repeatable).")
    List<Path> payloadFiles = new ArrayList<>();

    @Option(names = "--image", paramLabel = "FILE", description = "An image with a QR code or barcode (repeatable).")
    List<Path> images = new ArrayList<>();

    @Option(names = "--trust", paramLabel = "FILE",
            description = "Trust list (signed envelope or JSON) or issuer certificates (PEM/DER) (repeatable).")
    List<Path> trustFiles = new ArrayList<>();

    @Option(names = "--at", paramLabel = "ISO-8601-TIME", description = "Validation time (default: now).")
    String at;

    @Option(names = "--max-trust-age", paramLabel = "DURATION", defaultValue = "PT72H",
            description = "Oldest trust data accepted for offline verdicts, ISO-8601 duration (default: ${DEFAULT-VALUE}).")
    String maxTrustAge;

    @Option(names = "--expect-type", paramLabel = "TYPE", description = "Require this credential type.")
    String expectType;

    @Option(names = "--backend", paramLabel = "URL", description = "Back-end for online formats (EC1: tokens).")
    URI backend;

    @Option(names = "--account", description = "Staff account for the back-end.")
    String account;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the password.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File whose first line is the password.")
    Path passwordFile;

    @Option(names = "--reveal", description = "Print citizen data in clear (default: masked).")
    boolean reveal;

    /** One input, in command-line order. */
    private record Input(String option, String value) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock;
        Duration maxAge;
        try {
            clock = at == null ? Clock.systemUTC() : Clock.fixed(Instant.parse(at), ZoneOffset.UTC);
            maxAge = Duration.parse(maxTrustAge);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "bad time or duration: " + e.getParsedString());
        }
        List<Input> inputs = inputsInOrder();
        if (inputs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --payload, --payload-file or --image");
        }
        TrustStore trust = TrustStore.of(maxAge);
        for (Path file : trustFiles) {
            try {
                trust.addImported(TrustFiles.load(file, null, clock.instant()));
            } catch (IOException | TrustListException e) {
                err.println("cannot use trust file " + file + ": " + e.getMessage());
                return 5;
            }
        }
        HttpHallServices http = null;
        try {
            if (backend != null) {
                http = new HttpHallServices(BackendConfig.of(backend, "cli"));
                if (account != null) {
                    http.signIn(account, password().toCharArray());
                }
            }
            VerifierChain chain = VerifierChains.create(new ChainConfig(clock, trust, http, null));
            Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
            for (Input input : inputs) {
                VerificationResult r = verify(chain, input, clock);
                counts.merge(r.verdict(), 1, Integer::sum);
                out.println(toJson(r));
            }
            out.flush();
            return counts.containsKey(Verdict.INVALID) ? 3 : counts.containsKey(Verdict.UNVERIFIABLE) ? 4 : 0;
        } catch (org.onewindow.core.backend.BackendException | IOException e) {
            err.println("cannot sign in to the back-end: " + e.getMessage());
            return 5;
        } finally {
            if (http != null) {
                http.close();
            }
        }
    }

    private String password() throws IOException {
        if (passwordFile != null) {
            return Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        }
        return passwordEnv == null ? "" : System.getenv().getOrDefault(passwordEnv, "");
    }

    private List<Input> inputsInOrder() {
        List<Input> inputs = new ArrayList<>();
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            for (String option : List.of("--payload", "--payload-file", "--image")) {
                if (a.equals(option) && i + 1 < args.size()) {
                    inputs.add(new Input(option, args.get(++i)));
                } else if (a.startsWith(option + "=")) {
                    inputs.add(new Input(option, a.substring(option.length() + 1)));
                }
            }
        }
        return inputs;
    }

    private VerificationResult verify(VerifierChain chain, Input input, Clock clock) {
        String text;
        byte[] bytes;
        try {
            switch (input.option()) {
                case "--payload" -> {
                    text = input.value();
                    bytes = text.getBytes(StandardCharsets.UTF_8);
                }
                case "--payload-file" -> {
                    bytes = Files.readAllBytes(Path.of(input.value()));
                    text = null;
                }
                default -> {
                    text = decodeImage(Path.of(input.value()));
                    bytes = text.getBytes(StandardCharsets.UTF_8);
                }
            }
        } catch (IOException | NotFoundException e) {
            return new Outcome(Formats.UNKNOWN, VerificationMode.NOT_VERIFIED, clock.instant())
                    .check(Formats.Checks.DECODE, false)
                    .invalid(VerificationReason.MALFORMED, "cannot read " + input.value() + ": "
                            + (e instanceof NotFoundException ? "no code found in the image" : e.getMessage()));
        }
        CredentialPresentation p = new CredentialPresentation(bytes, text, "cli " + input.option(), clock.instant());
        return expectType == null ? chain.verify(p) : chain.verifyExpecting(p, expectType);
    }

    static String decodeImage(Path file) throws IOException, NotFoundException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("not an image");
        }
        // the project's pipeline, as `scan` uses: stock MultiFormatReader can misread a QR's stripes as a 1D code
        List<DecodedCode> codes = new PipelineDecoder().decode(GrayImage.of(image));
        if (codes.isEmpty()) {
            throw NotFoundException.getNotFoundInstance();
        }
        return codes.get(0).text();
    }

    private String toJson(VerificationResult r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", r.format());
        n.put("verdict", r.verdict().name());
        n.put("reason", r.reason() == null ? null : r.reason().name());
        ObjectNode checks = n.putObject("checks");
        for (String c : Formats.CHECKS) {
            Boolean v = r.checks().get(c);
            if (v == null) {
                checks.putNull(c);
            } else {
                checks.put(c, v);
            }
        }
        r.checks().forEach((k, v) -> {
            if (!checks.has(k)) {
                checks.put(k, v);
            }
        });
        ObjectNode claims = n.putObject("claims");
        r.claims().forEach((k, v) -> claims.set(k, JSON.valueToTree(shown(k, v))));
        n.put("mode", r.mode().name());
        n.put("trustDataAgeHours", r.trustDataAge() == null ? null : r.trustDataAge().toMinutes() / 60.0);
        n.put("detail", r.detail());
        return n.toString();
    }

    private Object shown(String key, Object value) {
        if (value instanceof byte[] b) {
            return reveal ? value : "<" + b.length + " bytes>";
        }
        if (reveal || !PERSONAL.contains(key) || !(value instanceof String s)) {
            return value;
        }
        return key.equals("holderId") || key.equals("certificateId") ? Masking.idNumber(s) : Masking.name(s);
    }

    /** Standalone entry for scripts until the lead registers the command under the root. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new VerifyCommand()).execute(args));
    }
}
