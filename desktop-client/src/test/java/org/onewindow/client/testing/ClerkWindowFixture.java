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

    @Override
    public void close() {
        workstation.close();
        sandbox.close();
    }
}
