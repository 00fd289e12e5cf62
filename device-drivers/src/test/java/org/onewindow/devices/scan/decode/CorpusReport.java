package org.onewindow.devices.scan.decode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Scores a decoder on samples: a pass finds every expected payload; a misread reports one not expected. */
public final class CorpusReport {

    public record Score(int samples, int passed, int misreads, List<String> failedIds) {
        public double rate() {
            return samples == 0 ? 0 : 100.0 * passed / samples;
        }
    }

    private CorpusReport() {
    }

    public static Score score(CodeDecoder decoder, List<HardCorpus.Sample> samples) {
        int passed = 0;
        int misreads = 0;
        List<String> failed = new ArrayList<>();
        for (HardCorpus.Sample s : samples) {
            List<DecodedCode> codes = decoder.decode(GrayImage.of(s.image()).toLuminanceSource());
            Set<String> found = new HashSet<>();
            for (DecodedCode c : codes) {
                found.add(c.text());
                if (!s.expected().contains(c.text())) {
                    misreads++;
                }
            }
            if (!s.expected().isEmpty() && found.containsAll(s.expected())) {
                passed++;
            } else if (!s.expected().isEmpty()) {
                failed.add(s.id());
            }
        }
        return new Score(samples.size(), passed, misreads, failed);
    }
}
