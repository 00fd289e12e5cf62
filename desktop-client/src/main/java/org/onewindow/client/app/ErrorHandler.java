package org.onewindow.client.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence: an exception nobody handled is logged in full for IT, and the clerk sees a
 * plain message with the details collapsed. The UI keeps running.
 */
public final class ErrorHandler implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    private final I18n i18n;
    private volatile Window owner;
    private volatile boolean showing;

    public ErrorHandler(I18n i18n) {
        this.i18n = i18n;
    }

    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
    }

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("unhandled exception on thread {}", thread.getName(), error);
        if (!Platform.isFxApplicationThread()) {
            try {
                Platform.runLater(() -> show(error));
            } catch (IllegalStateException toolkitNotRunning) {
                LOG.debug("no UI to report to");
            }
            return;
        }
        show(error);
    }

    private void show(Throwable error) {
        if (showing) {
            return; // one dialog at a time: a burst of failures must not bury the clerk in windows
        }
        showing = true;
        try {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.initOwner(owner);
            alert.setTitle(i18n.get("error.title"));
            alert.setHeaderText(i18n.get("error.plain"));
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            TextArea details = new TextArea(trace.toString());
            details.setEditable(false);
            details.setWrapText(false);
            alert.getDialogPane().setExpandableContent(new VBox(new Label(i18n.get("error.details")), details));
            alert.showAndWait();
        } finally {
            showing = false;
        }
    }
}
