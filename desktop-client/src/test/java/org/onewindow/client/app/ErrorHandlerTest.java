package org.onewindow.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An exception nobody caught becomes a plain message for the clerk, and the UI keeps running. */
@ExtendWith(ApplicationExtension.class)
class ErrorHandlerTest {
    ErrorHandler handler;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        handler = new ErrorHandler(new I18n(Locale.SIMPLIFIED_CHINESE));
        handler.setOwner(stage);
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void showsAPlainMessageWithTheDetailsCollapsed(FxRobot robot) throws Exception {
        Thread worker = new Thread(() -> handler.uncaughtException(Thread.currentThread(),
                new IllegalStateException("database exploded")));
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialog() != null);
        DialogPane pane = dialog();
        assertThat(pane.getHeaderText()).isEqualTo("操作未能完成，详细信息已记录供运维查看。");
        assertThat(pane.isExpanded()).isFalse();
        var details = (javafx.scene.control.TextArea) ((javafx.scene.layout.VBox) pane.getExpandableContent())
                .getChildren().get(1);
        assertThat(details.getText()).contains("database exploded");
        Platform.runLater(() -> ((Stage) pane.getScene().getWindow()).close());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
    }

    private static DialogPane dialog() {
        return Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot())
                .findFirst().orElse(null);
    }
}
