package org.onewindow.client.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.onewindow.client.citizen.CitizenDisplayViewModel.Phase;
import org.onewindow.core.rating.RatingLevel;
import org.onewindow.core.rating.RatingReason;
import org.onewindow.core.rating.ServiceRating;

class CitizenDisplayViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private final CitizenDisplayViewModel model = new CitizenDisplayViewModel(Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void servingShowsTicketWindowClerkAndWhatIsCheckedNow() {
        model.showServing("A012", "3号窗口", "王晓梅");
        model.showChecking("正在核验：居民户口簿");
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.SERVING);
        assertThat(model.ticketNumberProperty().get()).isEqualTo("A012");
        assertThat(model.windowNameProperty().get()).isEqualTo("3号窗口");
        assertThat(model.clerkNameProperty().get()).isEqualTo("王晓梅");
        assertThat(model.checkingNowProperty().get()).isEqualTo("正在核验：居民户口簿");
    }

    @Test
    void goodRatingIsHandedBackWithoutReasons() {
        CompletableFuture<Optional<ServiceRating>> rating = model.askForRating().toCompletableFuture();
        model.choose(RatingLevel.VERY_SATISFIED);
        model.submit();
        assertThat(rating).isCompletedWithValueMatching(r -> r.orElseThrow().level() == RatingLevel.VERY_SATISFIED
                && r.get().reasons().isEmpty() && r.get().ratedAt().equals(NOW));
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.THANKS);
    }

    @Test
    void lowRatingCannotBeSubmittedWithoutAReason() {
        CompletableFuture<Optional<ServiceRating>> rating = model.askForRating().toCompletableFuture();
        model.choose(RatingLevel.DISSATISFIED);
        assertThat(model.reasonsNeededBinding().get()).isTrue();
        assertThat(model.canSubmitBinding().get()).isFalse();
        model.submit();
        assertThat(rating).isNotDone();

        model.toggleReason(RatingReason.WAITED_TOO_LONG);
        model.toggleReason(RatingReason.NOT_DONE);
        model.toggleReason(RatingReason.NOT_DONE);
        model.submit();
        assertThat(rating).isCompletedWithValueMatching(r -> r.orElseThrow().reasons().equals(java.util.Set.of(RatingReason.WAITED_TOO_LONG)));
    }

    @Test
    void choosingAGoodLevelAfterALowOneDropsTheReasons() {
        model.askForRating();
        model.choose(RatingLevel.VERY_DISSATISFIED);
        model.toggleReason(RatingReason.ATTITUDE);
        model.choose(RatingLevel.SATISFIED);
        assertThat(model.reasons()).isEmpty();
        assertThat(model.canSubmitBinding().get()).isTrue();
    }

    @Test
    void wipeClearsTheScreenAndEndsAPendingRatingEmpty() {
        model.showServing("A012", "3号窗口", "王晓梅");
        CompletableFuture<Optional<ServiceRating>> rating = model.askForRating().toCompletableFuture();
        model.choose(RatingLevel.SATISFIED);
        model.wipe();
        assertThat(rating).isCompletedWithValue(Optional.empty());
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.IDLE);
        assertThat(model.ticketNumberProperty().get()).isEmpty();
        assertThat(model.clerkNameProperty().get()).isEmpty();
        assertThat(model.levelProperty().get()).isNull();
    }

    @Test
    void skipEndsTheRatingEmpty() {
        CompletableFuture<Optional<ServiceRating>> rating = model.askForRating().toCompletableFuture();
        model.skip();
        assertThat(rating).isCompletedWithValue(Optional.empty());
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.THANKS);
    }

    @Test
    void citizenScreenIsTheFirstScreenThatIsNotTheClerks() {
        Rectangle2D clerk = new Rectangle2D(0, 0, 1920, 1080);
        Rectangle2D citizen = new Rectangle2D(1920, 0, 1280, 1024);
        assertThat(ScreenPlacement.citizenScreen(List.of(clerk, citizen), clerk)).contains(citizen);
        assertThat(ScreenPlacement.citizenScreen(List.of(clerk), clerk)).isEmpty();
    }

    @Test
    void englishAndChineseHaveTheSameKeysAndTheOfficialWording() throws Exception {
        assertThat(keys("CitizenMessages_zh.properties")).isEqualTo(keys("CitizenMessages.properties"));
        Properties zh = load("CitizenMessages_zh.properties");
        for (RatingLevel l : RatingLevel.values()) {
            assertThat(zh.getProperty("rating." + l.name())).isEqualTo(l.label());
        }
        for (RatingReason r : RatingReason.values()) {
            assertThat(zh.getProperty("reason." + r.name())).isEqualTo(r.label());
        }
    }

    private static List<String> keys(String name) throws Exception {
        List<String> keys = new java.util.ArrayList<>(load(name).stringPropertyNames());
        Collections.sort(keys);
        return keys;
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (var in = CitizenDisplayViewModelTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
