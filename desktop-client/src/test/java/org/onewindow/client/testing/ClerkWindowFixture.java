package org.onewindow.client.testing;

import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.Stage;
import org.onewindow.client.app.ClientSettings;
import org.onewindow.client.app.ClientShell;
import org.onewindow.client.app.I18n;
import org.onewindow.client.app.Workstation;
import org.onewindow.sandbox.SandboxBackend;

/**
 * The real client for a UI test: a sandbox back-end on loopback, a demo workstation pointed at it (simulated
 * devices), and the sign-in screen shown in the test's stage. Each call gets fresh folders under {@code data}.
 */
public record ClerkWindowFixture(SandboxBackend sandbox, Workstation workstation, ClientShell shell)
        implements AutoCloseable {

    public static ClerkWindowFixture open(Stage stage, Path data, String window, String workstationId)
            throws Exception {
        System.setProperty("onewindow.noToasts", "true");
        Path dir = data.resolve("run-" + System.nanoTime());
        SandboxBackend sandbox = SandboxBackend.start(dir.resolve("sandbox"), 0);
        ClientSettings settings = new ClientSettings(dir.resolve("client"), sandbox.baseUri(),
                Locale.SIMPLIFIED_CHINESE, "济南市民中心", window, workstationId, true);
        Workstation workstation = Workstation.start(settings, new I18n(settings.locale()));
        ClientShell shell = new ClientShell(workstation, stage);
        shell.showSignIn();
        stage.show();
        return new ClerkWindowFixture(sandbox, workstation, shell);
    }

    /**
     * As {@link #open(Stage, Path, String, String)}, but as a provisioned workstation: a provisioning file with
     * the sandbox's URL, this window and {@code keys} (e.g. device settings) is written, loaded and validated
     * like at a counter PC, and the workstation starts from it.
     */
    public static ClerkWindowFixture provisioned(Stage stage, Path data, String window, String workstationId,
                                                 java.util.Map<String, String> keys) throws Exception {
        System.setProperty("onewindow.noToasts", "true");
        Path dir = data.resolve("run-" + System.nanoTime());
        SandboxBackend sandbox = SandboxBackend.start(dir.resolve("sandbox"), 0);
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("hall.name", "济南市民中心");
        values.put("hall.window", window);
        values.put("workstation.id", workstationId);
        values.put("backend.url", sandbox.baseUri().toString());
        values.put("data.dir", dir.resolve("client").toString());
        values.put("demo", "true");
        values.putAll(keys);
        Path file = dir.resolve("workstation.properties");
        org.onewindow.client.provisioning.ProvisioningWriter.write(file, values);
        org.onewindow.client.provisioning.Provisioning p = org.onewindow.client.provisioning.ProvisioningLoader.load(file);
        Workstation workstation = Workstation.start(p.clientSettings(), new I18n(p.locale()), java.util.Optional.of(p));
        ClientShell shell = new ClientShell(workstation, stage);
        shell.showSignIn();
        stage.show();
        return new ClerkWindowFixture(sandbox, workstation, shell);
    }

    @Override
    public void close() {
        workstation.close();
        sandbox.close();
    }
}
