package org.onewindow.devices.scan.wedge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WedgeBurstDetectorTest {

    private static final long MS = 1_000_000L;

    /** Feeds characters at a fixed interval and collects what comes out. */
    private static final class Feed {
        final WedgeBurstDetector detector;
        final List<String> scans = new ArrayList<>();
        final StringBuilder typing = new StringBuilder();
        final StringBuilder passedThrough = new StringBuilder();
        long now = 1_000 * MS;

        Feed(WedgeSettings settings) {
            detector = new WedgeBurstDetector(settings);
        }

        Feed type(String chars, long intervalMs) {
            for (char c : chars.toCharArray()) {
                now += intervalMs * MS;
                WedgeBurstDetector.Step step = detector.onChar(c, now);
                typing.append(step.replayAsTyping());
                scans.addAll(step.scans());
                if (!step.consumeCurrent()) {
                    typing.append(c);
                    passedThrough.append(c);
                }
            }
            return this;
        }

        Feed pause(long ms) {
            now += ms * MS;
            WedgeBurstDetector.Step step = detector.onIdle(now);
            typing.append(step.replayAsTyping());
            scans.addAll(step.scans());
            return this;
        }
    }

    @Test
    void fastBurstEndingInEnterIsAScan() {
        Feed feed = new Feed(WedgeSettings.defaults()).type("ZZ-0012345\n", 5).pause(200);
        assertThat(feed.scans).containsExactly("ZZ-0012345");
        assertThat(feed.typing).isEmpty();
    }

    @Test
    void slowTypingIsReplayedUnchangedAndInOrder() {
        Feed feed = new Feed(WedgeSettings.defaults()).type("hello\n", 120).pause(200);
        assertThat(feed.scans).isEmpty();
        assertThat(feed.typing).hasToString("hello\n");
    }

    @Test
    void fastShortBurstIsTypingNotAScan() {
        Feed feed = new Feed(WedgeSettings.defaults()).type("ab\n", 5).pause(200);
        assertThat(feed.scans).isEmpty();
        assertThat(feed.typing).hasToString("ab\n");
    }

    @Test
    void loneEnterIsNeverHeldBack() {
        Feed feed = new Feed(WedgeSettings.defaults()).type("\n", 5);
        assertThat(feed.passedThrough).hasToString("\n");
    }

    @Test
    void typingRightBeforeAScanStaysTypingAndTheScanIsClean() {
        Feed feed = new Feed(WedgeSettings.defaults()).type("x", 100).pause(80).type("CODE-778899\n", 4).pause(200);
        assertThat(feed.scans).containsExactly("CODE-778899");
        assertThat(feed.typing).hasToString("x");
    }

    @Test
    void burstWithoutSuffixEndsAtThePauseWhenConfigured() {
        Feed feed = new Feed(WedgeSettings.defaults().withSuffix("")).type("123456789", 3).pause(60);
        assertThat(feed.scans).containsExactly("123456789");
    }

    @Test
    void burstWithoutSuffixIsTypingWhenEnterIsExpected() {
        Feed feed = new Feed(WedgeSettings.defaults()).type("123456789", 3).pause(60);
        assertThat(feed.scans).isEmpty();
        assertThat(feed.typing).hasToString("123456789");
    }

    @Test
    void withPrefixOrdinaryTypingIsNotDelayed() {
        Feed feed = new Feed(WedgeSettings.defaults().withPrefix("\u0002")).type("abc", 5);
        assertThat(feed.passedThrough).hasToString("abc");
    }

    @Test
    void withPrefixEvenAShortBodyIsAScan() {
        Feed feed = new Feed(WedgeSettings.defaults().withPrefix("#!")).type("#!7\n", 5);
        assertThat(feed.scans).containsExactly("7");
    }

    @Test
    void halfAPrefixFollowedByOtherKeysIsTyping() {
        Feed feed = new Feed(WedgeSettings.defaults().withPrefix("#!")).type("#a", 5);
        assertThat(feed.scans).isEmpty();
        assertThat(feed.typing).hasToString("#a");
    }

    @Test
    void unicodeAndControlCharactersArriveAsData() {
        Feed feed = new Feed(WedgeSettings.defaults()).type("营业执照\u001B[31m\n", 2);
        assertThat(feed.scans).containsExactly("营业执照\u001B[31m");
    }

    @Test
    void crlfSuffixIsNormalisedToEnter() {
        WedgeSettings settings = new WedgeSettings(Duration.ofMillis(50), 4, "", "\r\n", 100);
        assertThat(settings.suffix()).isEqualTo("\n");
    }

    @Test
    void overlongBurstIsDeliveredInBoundedPieces() {
        WedgeSettings settings = new WedgeSettings(Duration.ofMillis(50), 4, "", "\n", 1000);
        Feed feed = new Feed(settings).type("A".repeat(2500) + "\n", 1);
        assertThat(feed.scans).hasSize(3);
        assertThat(feed.scans.get(0)).hasSize(1000);
        assertThat(String.join("", feed.scans)).hasSize(2500);
    }
}
