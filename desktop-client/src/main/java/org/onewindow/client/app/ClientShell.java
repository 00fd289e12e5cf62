package org.onewindow.client.app;

import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.controlsfx.control.Notifications;
import org.onewindow.client.clerk.ClerkView;
import org.onewindow.client.clerk.ClerkViewModel;
import org.onewindow.client.clerk.Notice;
import org.onewindow.client.signin.SignInView;
import org.onewindow.client.signin.SignInViewModel;
import org.onewindow.client.supervisor.SupervisorScreen;
import org.onewindow.core.backend.ClerkSession;

/**
 * Puts the screens of a running {@link Workstation} into a stage: sign-in, then the clerk's workspace.
 * Used by the application and by the UI tests alike.
 */
public final class ClientShell {
    private final Workstation workstation;
    private final I18n i18n;
    private final Stage stage;
    private final Scene scene;
    private ClerkViewModel clerk;
    private SupervisorScreen supervisor;

    public ClientShell(Workstation workstation, Stage stage) {
        this.workstation = workstation;
        this.i18n = workstation.i18n();
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.scene = new Scene(new javafx.scene.layout.StackPane(), 1280, 760);
        scene.getStylesheets().add(Objects.requireNonNull(
                ClientShell.class.getResource("/org/onewindow/client/onewindow.css")).toExternalForm());
        stage.setScene(scene);
        stage.setTitle(i18n.get("app.title"));
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
    }

    public void showSignIn() {
        SignInViewModel vm = new SignInViewModel(workstation.backend(), workstation.io(), FxUiExecutor.INSTANCE, i18n,
                this::afterSignIn);
        if (workstation.settings().demo()) {
            vm.accountProperty().set("demo");
            vm.passwordProperty().set("demo");
        }
        show(new SignInView(vm, i18n, workstation.settings().demo()));
    }

    /** Supervisors get the hall dashboard (issue 9), with a button to the clerk workspace; clerks their workspace. */
    private void afterSignIn(ClerkSession session) {
        if (!session.has(ClerkSession.Role.SUPERVISOR)) {
            showClerk(session);
            return;
        }
        workstation.signedIn(session);
        supervisor = SupervisorScreen.open(workstation, session, this::show, () -> {
            supervisor.close();
            supervisor = null;
            showClerk(session);
        }, this::signOut, FxUiExecutor.INSTANCE);
    }

    private void showClerk(ClerkSession session) {
        workstation.signedIn(session);
        clerk = workstation.clerkViewModel(FxUiExecutor.INSTANCE);
        clerk.addNoticeListener(this::toast);
        ClientSettings s = workstation.settings();
        show(new ClerkView(clerk, i18n, session.displayName(), i18n.format("app.hallWindow", s.hall(), s.window()),
                this::signOut, workstation.demoDevices().orElse(null)));
    }

    private void signOut() {
        if (supervisor != null) {
            supervisor.close();
            supervisor = null;
        }
        if (clerk != null) {
            clerk.finish();
        }
        workstation.signedOut();
        clerk = null;
        showSignIn();
    }

    public ClerkViewModel clerk() {
        return clerk;
    }

    /** The supervisor dashboard on screen, or null. */
    public SupervisorScreen supervisor() {
        return supervisor;
    }

    private void show(Parent root) {
        scene.setRoot(root);
    }

    private void toast(Notice n) {
        if (!stage.isShowing() || Boolean.getBoolean("onewindow.noToasts")) {
            return;
        }
        Notifications note = Notifications.create().owner(stage).title(i18n.get("app.title")).text(n.text())
                .hideAfter(javafx.util.Duration.seconds(4));
        switch (n.level()) {
            case SUCCESS, INFO -> note.showInformation();
            case WARNING -> note.showWarning();
            case ERROR -> note.showError();
        }
    }
}
