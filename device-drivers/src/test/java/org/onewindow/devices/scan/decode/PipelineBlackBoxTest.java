package org.onewindow.devices.scan.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Black-box test of the pipeline on the generated hard corpus, in the style of ZXing's
 * AbstractBlackBoxTestCase: per category a minimum number of images that must be read completely (every
 * code in them) and a maximum number of misreads (none). The corpus is generated from fixed seeds into
 * target/generated-corpus on the first run and read from there afterwards.
 */
class PipelineBlackBoxTest {

    static final Path CACHE = Path.of("target", "generated-corpus");

    /** Minimum passes per category, one or two under what the pipeline reads today (see docs/scanners.md). */
    private static final Map<String, Integer> MIN_PASSES = Map.of(
            "angled-screen", 6,
            "glare", 5,
            "low-contrast", 7,
            "moire", 8,
            "inverted", 9,
            "small", 9,
            "multi", 8,
            "photo-12mp", 2,
            "blur", 6,
            "quiet-zone", 6);

    @TestFactory
    Stream<DynamicTest> readsEachHardCategoryWithoutMisreads() {
        return HardCorpus.categories().stream().map(category -> DynamicTest.dynamicTest(category.name(), () -> {
            List<HardCorpus.Sample> samples = HardCorpus.cached(category, CACHE);
            // no time cap here: the thresholds must not depend on how fast the machine is
            CorpusReport.Score score = CorpusReport.score(new PipelineDecoder(Duration.ofMinutes(5)), samples);
            assertThat(score.misreads()).as("misreads in %s", category.name()).isZero();
            assertThat(score.passed()).as("%s read completely (failed: %s)", category.name(), score.failedIds())
                    .isGreaterThanOrEqualTo(MIN_PASSES.get(category.name()));
        }));
    }

    @Test
    void reportsNothingOnImagesWithoutCodes() throws Exception {
        List<HardCorpus.Sample> negatives = HardCorpus.cached(HardCorpus.negativeCategory(12), CACHE);
        PipelineDecoder decoder = new PipelineDecoder();
        for (HardCorpus.Sample sample : negatives) {
            assertThat(decoder.decode(GrayImage.of(sample.image()).toLuminanceSource())).as(sample.id()).isEmpty();
        }
    }
}
