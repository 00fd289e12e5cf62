package org.onewindow.client.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.core.rating.RatingLevel;
import org.onewindow.core.rating.RatingReason;
import org.onewindow.core.rating.ServiceRating;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The citizen display driven the way a citizen and the clerk's side drive it (headless Monocle). */
class CitizenDisplayFlowTest extends FxRobot {
    private CitizenDisplayViewModel model;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void show() throws Exception {
        model = new CitizenDisplayViewModel(Platform::runLater, Clock.systemUTC());
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new CitizenDisplayView(model, CitizenDisplayViewModel.bundle(Locale.CHINESE)), 1024, 700));
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void showsTheTicketWindowClerkAndWhatIsBeingChecked() throws Exception {
        model.showServing("A012", "3号窗口", "王晓梅");
        model.showChecking("正在核验：居民户口簿");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible("#servingPage")).isTrue();
        assertThat(visible("#idlePage")).isFalse();
        assertThat(text("#citizenTicket")).isEqualTo("A012");
        assertThat(text("#citizenWindow")).isEqualTo("3号窗口 · 工作人员 王晓梅");
        assertThat(text("#citizenChecking")).isEqualTo("正在核验：居民户口簿");
    }

    @Test
    void lowRatingAsksForAReasonBeforeItCanBeSubmitted() throws Exception {
        model.showServing("A012", "3号窗口", "王晓梅");
        CompletableFuture<Optional<ServiceRating>> rating = model.askForRating().toCompletableFuture();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible("#reasons")).isFalse();

        clickOn("#rating-DISSATISFIED");
        assertThat(visible("#reasons")).isTrue();
        assertThat(lookup("#submitRating").queryButton().isDisabled()).isTrue();

        clickOn("#reason-WAITED_TOO_LONG");
        assertThat(lookup("#submitRating").queryButton().isDisabled()).isFalse();
        clickOn("#submitRating");

        Optional<ServiceRating> result = rating.get(5, TimeUnit.SECONDS);
        assertThat(result).hasValueSatisfying(r -> {
            assertThat(r.level()).isEqualTo(RatingLevel.DISSATISFIED);
            assertThat(r.reasons()).isEqualTo(Set.of(RatingReason.WAITED_TOO_LONG));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible("#thanksPage")).isTrue();
    }

    @Test
    void wipeLeavesNothingOfTheServiceOnScreen() throws Exception {
        model.showServing("A012", "3号窗口", "王晓梅");
        model.wipe();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible("#idlePage")).isTrue();
        assertThat(text("#citizenTicket")).isEmpty();
    }

    @Test
    void opensAsAWindowOnTheClerksScreenWhenThereIsNoSecondOne() throws Exception {
        assertThat(Screen.getScreens()).hasSize(1);
        Stage stage = WaitForAsyncUtils.asyncFx(() -> CitizenDisplayView.open(model,
                CitizenDisplayViewModel.bundle(Locale.ENGLISH), Screen.getPrimary())).get(5, TimeUnit.SECONDS);
        try {
            assertThat(stage.isShowing()).isTrue();
            assertThat(stage.isFullScreen()).isFalse();
            assertThat(stage.getTitle()).isEqualTo("OneWindow — citizen display");
            // in the bottom-right corner of the clerk's screen, not over the middle of the workspace
            javafx.geometry.Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            assertThat(stage.getX() + stage.getWidth()).isLessThanOrEqualTo(screen.getMaxX());
            assertThat(stage.getY() + stage.getHeight()).isLessThanOrEqualTo(screen.getMaxY());
            assertThat(stage.getX()).isGreaterThan(screen.getMinX() + screen.getWidth() / 3);
        } finally {
            WaitForAsyncUtils.asyncFx(stage::close).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theModeComesFromThePropertyThenTheFile() {
        assertThat(CitizenDisplayMode.resolve(null, CitizenDisplayMode.AUTO).opens(1)).isFalse();
        assertThat(CitizenDisplayMode.resolve(null, CitizenDisplayMode.AUTO).opens(2)).isTrue();
        assertThat(CitizenDisplayMode.resolve("true", CitizenDisplayMode.OFF)).isEqualTo(CitizenDisplayMode.WINDOW);
        assertThat(CitizenDisplayMode.resolve("off", CitizenDisplayMode.WINDOW).opens(2)).isFalse();
        assertThat(CitizenDisplayMode.resolve("nonsense", CitizenDisplayMode.WINDOW)).isEqualTo(CitizenDisplayMode.WINDOW);
    }

    private boolean visible(String id) {
        Node n = lookup(id).query();
        return n.isVisible();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }
}
