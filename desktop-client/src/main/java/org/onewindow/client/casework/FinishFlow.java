package org.onewindow.client.casework;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import org.onewindow.client.app.I18n;
import org.onewindow.client.clerk.ClerkViewModel;
import org.onewindow.core.catalogue.RequiredMaterial;
import org.onewindow.core.rating.ServiceRating;

/**
 * F12 at the counter: every missing required material needs a reason, the citizen rates the service,
 * the case is archived, and the desk is wiped for the next citizen.
 */
public final class FinishFlow {
    private final CaseViewModel serviceCase;
    private final ClerkViewModel identity;
    private final I18n i18n;
    private final Clock clock;
    private final Window owner;
    private final Function<Window, CompletionStage<Optional<ServiceRating>>> rating;
    private Runnable afterFinish = () -> { };

    public FinishFlow(CaseViewModel serviceCase, ClerkViewModel identity, I18n i18n, Clock clock, Window owner,
                      Function<Window, CompletionStage<Optional<ServiceRating>>> rating) {
        this.serviceCase = serviceCase;
        this.identity = identity;
        this.i18n = i18n;
        this.clock = clock;
        this.owner = owner;
        this.rating = rating;
    }

    /** Runs after a case was archived and the desk wiped (e.g. the queue's next call). */
    public void setAfterFinish(Runnable afterFinish) {
        this.afterFinish = afterFinish;
    }

    public void finish() {
        if (serviceCase.itemProperty().get() == null) {
            wipe();
            return;
        }
        for (RequiredMaterial missing : serviceCase.missingRequired()) {
            TextInputDialog ask = new TextInputDialog();
            ask.initOwner(owner);
            ask.setTitle(i18n.get("case.missingTitle"));
            ask.setHeaderText(i18n.format("case.missingPrompt", missing.name()));
            ask.getEditor().setId("waiverReason");
            Optional<String> reason = ask.showAndWait().map(String::trim).filter(r -> !r.isEmpty());
            if (reason.isEmpty()) {
                return; // the clerk went back to the case
            }
            serviceCase.waive(missing.code(), reason.get());
        }
        // the citizen rates on their own screen (or in a dialog): the clerk's UI stays live meanwhile
        rating.apply(owner).thenAccept(rated -> serviceCase.finish(rated.orElse(null)).thenRun(this::wipe));
    }

    private void wipe() {
        identity.finish();
        serviceCase.startCase(null);
        afterFinish.run();
    }

    public Clock clock() {
        return clock;
    }
}
