package org.onewindow.client.app;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one seam where background results reach the JavaFX thread. View models take an {@link Executor}
 * for the UI so tests can pass {@code Runnable::run}.
 */
public final class FxUiExecutor implements Executor {
    public static final FxUiExecutor INSTANCE = new FxUiExecutor();

    private FxUiExecutor() {
    }

    @Override
    public void execute(Runnable command) {
        if (Platform.isFxApplicationThread()) {
            command.run();
        } else {
            Platform.runLater(command);
        }
    }
}
