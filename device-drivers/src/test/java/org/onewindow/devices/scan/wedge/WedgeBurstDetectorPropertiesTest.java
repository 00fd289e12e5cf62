package org.onewindow.devices.scan.wedge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Whatever is typed or scanned, nothing is lost, duplicated or reordered. */
class WedgeBurstDetectorPropertiesTest {

    private static final long MS = 1_000_000L;

    private record Outcome(List<String> scans, String typing) {
    }

    private static Outcome feed(String keys, long gapMs) {
        WedgeBurstDetector detector = new WedgeBurstDetector(WedgeSettings.defaults());
        List<String> scans = new ArrayList<>();
        StringBuilder typing = new StringBuilder();
        long now = 0;
        for (char c : keys.toCharArray()) {
            now += gapMs * MS;
            WedgeBurstDetector.Step step = detector.onChar(c, now);
            typing.append(step.replayAsTyping());
            scans.addAll(step.scans());
            if (!step.consumeCurrent()) {
                typing.append(c);
            }
        }
        WedgeBurstDetector.Step last = detector.onIdle(now + 1_000 * MS);
        typing.append(last.replayAsTyping());
        scans.addAll(last.scans());
        return new Outcome(scans, typing.toString());
    }

    @Property(tries = 300)
    void slowTypingIsGivenBackExactly(@ForAll @StringLength(max = 40) String typed, @ForAll @IntRange(min = 51, max = 400) int gapMs) {
        String keys = typed.replace('\r', '\n');
        Outcome outcome = feed(keys, gapMs);
        assertThat(outcome.scans()).isEmpty();
        assertThat(outcome.typing()).isEqualTo(keys);
    }

    @Property(tries = 300)
    void fastBurstWithEnterIsExactlyItsBody(
            @ForAll @StringLength(min = 4, max = 300) @CharRange(from = ' ', to = '\uFFEF') String body,
            @ForAll @IntRange(min = 0, max = 50) int gapMs) {
        String clean = body.replace('\n', ' ');
        Outcome outcome = feed(clean + "\n", gapMs);
        assertThat(outcome.scans()).containsExactly(clean);
        assertThat(outcome.typing()).isEmpty();
    }

    @Property(tries = 200)
    void everyCharacterComesOutOnceWhateverTheRhythm(@ForAll @StringLength(max = 60) String keys,
            @ForAll @IntRange(min = 1, max = 120) int gapMs) {
        String normalised = keys.replace('\r', '\n');
        Outcome outcome = feed(normalised, gapMs);
        int scanned = outcome.scans().stream().mapToInt(String::length).sum();
        long enters = normalised.chars().filter(c -> c == '\n').count();
        // a scan swallows its Enter; everything else comes back as typing
        assertThat(scanned + outcome.typing().length() + outcome.scans().size()).isEqualTo(normalised.length());
        assertThat(outcome.scans().size()).isLessThanOrEqualTo((int) enters);
    }
}
