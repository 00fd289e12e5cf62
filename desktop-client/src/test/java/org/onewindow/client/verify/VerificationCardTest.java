package org.onewindow.client.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The card control itself, on the headless (Monocle) FX platform. */
class VerificationCardTest {
    @BeforeAll
    static void platform() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // another test class started it: fine
        }
    }

    static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void bindsVerdictClaimsAndRevealToTheViewModel() throws Exception {
        VerificationCard card = onFx(() -> {
            VerificationCard c = new VerificationCard(new VerificationCardViewModel(Locale.ENGLISH));
            c.model().show(VerificationCardViewModelTest.offlineValid());
            return c;
        });

        assertThat(onFx(() -> ((Label) card.lookup("#verdict")).getText())).isEqualTo("Valid");
        assertThat(card.getStyleClass()).contains("verdict-valid");
        assertThat(onFx(() -> ((Label) card.lookup("#issuer")).getText())).isEqualTo("Issuer: 济南市市场监督管理局");
        assertThat(onFx(() -> ((GridPane) card.lookup("#claims")).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList())).contains("张*");

        onFx(() -> {
            ((CheckBox) card.lookup("#reveal")).setSelected(true);
            return null;
        });
        assertThat(onFx(() -> ((GridPane) card.lookup("#claims")).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList())).contains("张伟");

        onFx(() -> {
            card.model().clear();
            return null;
        });
        assertThat(card.getStyleClass()).doesNotContain("verdict-valid").contains("verdict-none");
        assertThat(onFx(() -> ((GridPane) card.lookup("#claims")).getChildren())).isEmpty();
    }
}
