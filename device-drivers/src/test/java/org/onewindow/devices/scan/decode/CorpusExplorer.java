package org.onewindow.devices.scan.decode;

import java.nio.file.Path;
import java.util.List;

/** Prints per-category scores for stock ZXing and the pipeline; with an argument also writes the images there. */
public final class CorpusExplorer {
    public static void main(String[] args) throws Exception {
        for (HardCorpus.Category c : HardCorpus.categories()) {
            long t0 = System.nanoTime();
            List<HardCorpus.Sample> samples = HardCorpus.generate(c);
            long t1 = System.nanoTime();
            if (args.length > 0) {
                HardCorpus.write(samples, Path.of(args[0]));
            }
            CorpusReport.Score d = CorpusReport.score(new StockZxingDecoder(false), samples);
            CorpusReport.Score th = CorpusReport.score(new StockZxingDecoder(true), samples);
            long t2 = System.nanoTime();
            CorpusReport.Score p = CorpusReport.score(new PipelineDecoder(), samples);
            long t3 = System.nanoTime();
            System.out.printf("%-14s n=%2d default %3d  tryHarder %3d  pipeline %3d  misreads %d/%d/%d  gen %4d ms pipe %4d ms  failed %s%n",
                    c.name(), samples.size(), d.passed(), th.passed(), p.passed(), d.misreads(), th.misreads(), p.misreads(),
                    (t1 - t0) / 1_000_000, (t3 - t2) / 1_000_000, p.failedIds());
        }
        List<HardCorpus.Sample> neg = HardCorpus.negatives(12);
        if (args.length > 0) {
            HardCorpus.write(neg, Path.of(args[0]));
        }
        System.out.println("negatives misreads: default " + CorpusReport.score(new StockZxingDecoder(false), neg).misreads()
                + " tryHarder " + CorpusReport.score(new StockZxingDecoder(true), neg).misreads()
                + " pipeline " + CorpusReport.score(new PipelineDecoder(), neg).misreads());
    }
}
