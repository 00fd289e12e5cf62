package org.onewindow.client.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.onewindow.client.app.AppVersion;
import org.onewindow.client.provisioning.Provisioning;
import org.onewindow.client.provisioning.ProvisioningException;
import org.onewindow.client.provisioning.ProvisioningSchema;
import org.onewindow.client.update.TlsContexts;
import org.onewindow.client.update.UpdateCheckException;
import org.onewindow.client.update.UpdateChecker;
import org.onewindow.sandbox.SandboxBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code onewindow update-check}: asks the back-end for its signed version manifest and says whether this PC
 * should be updated. Exit 0 up to date, 10 update available, 11 update required, 1 no trustworthy answer.
 */
@Command(name = "update-check", mixinStandardHelpOptions = true,
        description = "Check the back-end's signed version manifest for a newer OneWindow (installs nothing).")
public final class UpdateCheckCommand implements Callable<Integer> {
    public static final int UPDATE_AVAILABLE = 10;
    public static final int UPDATE_REQUIRED = 11;

    @Option(names = "--provisioning", description = "Provisioning file (default: $ONEWINDOW_PROVISIONING or the machine file)")
    Path provisioningFile;

    @Option(names = "--current", description = "Compare this version instead of the installed one")
    String current;

    @Override
    public Integer call() throws Exception {
        ClientConfiguration config;
        try {
            config = ClientConfiguration.resolve(provisioningFile, null, Locale.SIMPLIFIED_CHINESE);
        } catch (ProvisioningException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        String version = current != null ? current : AppVersion.current();
        if (config.provisioning().flatMap(Provisioning::backendUrl).isEmpty()) {
            // embedded demo: the in-process sandbox is the back-end, and its own key signs the manifest
            try (SandboxBackend sandbox = SandboxBackend.start(config.settings().dataDir().resolve("sandbox"), 0)) {
                return report(new UpdateChecker(HttpClient.newHttpClient(), sandbox.baseUri(), sandbox.receiptKey()), version);
            }
        }
        Provisioning p = config.provisioning().get();
        if (p.updateKey().isEmpty()) {
            System.err.println(ProvisioningSchema.UPDATE_KEY + " is not set in " + p.source()
                    + ": without it the manifest's signature cannot be checked (expected the Base64 Ed25519 key"
                    + " published with the back-end)");
            return 1;
        }
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(p.updateKey().get()));
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        TlsContexts.fromProvisioning(p).ifPresent(http::sslContext);
        URI backend = p.backendUrl().get();
        return report(new UpdateChecker(http.build(), backend, key), version);
    }

    private static int report(UpdateChecker checker, String version) {
        try {
            UpdateChecker.Result r = checker.check(version);
            System.out.println(r.message());
            r.manifest().packages().forEach(pkg -> System.out.println("  " + pkg.platform() + ": " + pkg.url()
                    + " (sha256 " + pkg.sha256() + ")"));
            return switch (r.status()) {
                case UP_TO_DATE -> 0;
                case UPDATE_AVAILABLE -> UPDATE_AVAILABLE;
                case UPDATE_REQUIRED -> UPDATE_REQUIRED;
            };
        } catch (UpdateCheckException e) {
            System.err.println("Update check failed: " + e.getMessage());
            return 1;
        }
    }
}
