package org.onewindow.devices.idcard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.IdReaderListener;
import org.onewindow.core.identity.IdCard;
import org.onewindow.devices.idcard.CardPresenceWatcher;
import org.onewindow.devices.idcard.ProtocolIdReader;
import org.onewindow.devices.idcard.ReaderSettings;
import org.onewindow.devices.idcard.link.SerialPortLink;
import org.onewindow.devices.idcard.photo.PhotoDecoder;
import org.onewindow.devices.idcard.protocol.DecodeEvent;
import org.onewindow.devices.idcard.protocol.FrameCodec;
import org.onewindow.devices.idcard.protocol.FrameDecoder;
import org.onewindow.devices.idcard.sim.IdReaderSimulator;
import org.onewindow.devices.idcard.sim.SampleCards;
import org.onewindow.devices.idcard.sim.SimulatedCardSlot;
import org.onewindow.devices.idcard.sim.SimulatorFaults;
import org.onewindow.devices.idcard.testing.SocatPtyPair;

/**
 * Measures a full card read (find, select, read text + photo) through a socat pty at 115200 baud against
 * its wire-time floor (bytes on the wire x 10 bits / baud), the same read with the pty at full speed
 * (the driver's own cost), hot-plug recovery, and the codec's frames per second. Needs socat.
 * How to run: see docs/id-reader.md ("Benchmark").
 *
 * <p>A pty does not pace bytes at a baud rate, so the simulator does: it waits for the request's wire time
 * and sends its answer in 32-byte slices on the 115200-baud schedule, as a real UART would.
 */
public final class CardReadBenchmark {
    private static final int BAUD = 115_200;

    private CardReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reads = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        System.out.printf("java %s, %s %s, %d CPUs%n", System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
        Path dir = Files.createTempDirectory("idreader-bench");
        try (SocatPtyPair ptys = SocatPtyPair.start(dir)) {
            cardReads(ptys, true, reads);
            cardReads(ptys, false, reads);
            hotPlug(ptys);
        }
        codec(1295);
        codec(15);
    }

    private static void cardReads(SocatPtyPair ptys, boolean paced, int reads) throws Exception {
        SimulatedCardSlot slot = new SimulatedCardSlot();
        try (IdReaderSimulator simulator = new IdReaderSimulator(slot, new SimulatorFaults()).emulateWireTime(paced);
             ProtocolIdReader reader = ProtocolIdReader.serial(ptys.hostEnd(), BAUD, ReaderSettings.defaults(),
                     PhotoDecoder.notInstalled("benchmark"))) {
            simulator.serve(SerialPortLink.open(ptys.deviceEnd(), BAUD));
            List<IdCard> cards = SampleCards.all();
            int warmup = 20;
            double[] millis = new double[reads];
            long bytes = 0;
            for (int i = -warmup; i < reads; i++) {
                slot.present(cards.get(Math.floorMod(i, cards.size())));
                long before = reader.bytesOnWire();
                long t0 = System.nanoTime();
                if (!reader.pollForNewCard()) {
                    throw new IllegalStateException("card not found");
                }
                reader.read();
                long t1 = System.nanoTime();
                if (i >= 0) {
                    millis[i] = (t1 - t0) / 1e6;
                    bytes += reader.bytesOnWire() - before;
                }
            }
            Arrays.sort(millis);
            double bytesPerRead = (double) bytes / reads;
            double floor = bytesPerRead * 10 * 1000 / BAUD;
            double median = millis[reads / 2];
            double p95 = millis[(int) Math.ceil(reads * 0.95) - 1];
            if (paced) {
                System.out.printf("card read via pty, 115200-baud UART timing: %d reads, %.0f bytes/read on the wire, "
                                + "floor %.1f ms, median %.1f ms (%+.1f%% over the floor), p95 %.1f ms, min %.1f ms, "
                                + "retries %d (warm-up included)%n", reads, bytesPerRead, floor, median,
                        (median / floor - 1) * 100, p95, millis[0], reader.retriesUsed());
            } else {
                System.out.printf("card read via pty at full speed (driver + pty + simulator cost, no wire time): "
                                + "%d reads, median %.2f ms, p95 %.2f ms, min %.2f ms, retries %d%n", reads, median, p95,
                        millis[0], reader.retriesUsed());
            }
        }
    }

    private static void hotPlug(SocatPtyPair ptys) throws Exception {
        SimulatedCardSlot slot = new SimulatedCardSlot();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        IdReaderListener listener = new IdReaderListener() {
            @Override
            public void cardRead(IdCard card) {
                events.add("read");
            }

            @Override
            public void readFailed(DeviceException error) {
                events.add("failed");
            }

            @Override
            public void readerConnected(String readerName) {
                events.add("connected");
            }

            @Override
            public void readerLost(DeviceException error) {
                events.add("lost");
            }
        };
        try (ProtocolIdReader reader = ProtocolIdReader.serial(ptys.hostEnd(), BAUD);
             CardPresenceWatcher watcher = new CardPresenceWatcher(reader, listener)) {
            IdReaderSimulator simulator = new IdReaderSimulator(slot, new SimulatorFaults());
            simulator.serve(SerialPortLink.open(ptys.deviceEnd(), BAUD));
            watcher.start();
            expect(events, "connected");
            long total = 0;
            int rounds = 5;
            for (int i = 0; i < rounds; i++) {
                ptys.unplug();
                simulator.close();
                expect(events, "lost");
                ptys.plugIn();
                simulator = new IdReaderSimulator(slot, new SimulatorFaults());
                simulator.serve(SerialPortLink.open(ptys.deviceEnd(), BAUD));
                long t0 = System.nanoTime();
                expect(events, "connected");
                total += System.nanoTime() - t0;
            }
            simulator.close();
            System.out.printf("hot-plug: reader back %.0f ms (mean of %d) after the port reappeared, poll interval %d ms%n",
                    total / 1e6 / rounds, rounds, CardPresenceWatcher.DEFAULT_POLL_INTERVAL.toMillis());
        }
    }

    private static void expect(BlockingQueue<String> events, String wanted) throws InterruptedException {
        while (true) {
            String e = events.poll(10, TimeUnit.SECONDS);
            if (e == null) {
                throw new IllegalStateException("no '" + wanted + "' event in 10 s");
            }
            if (e.equals(wanted)) {
                return;
            }
        }
    }

    private static void codec(int frameBytes) {
        byte[] body = new byte[frameBytes - 8];
        body[2] = (byte) 0x90;
        for (int i = 3; i < body.length; i++) {
            body[i] = (byte) (i * 7);
        }
        FrameDecoder decoder = new FrameDecoder();
        long frames = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (System.nanoTime() < deadline) { // warm-up
            frames += roundTrip(body, decoder, 1000);
        }
        frames = 0;
        long t0 = System.nanoTime();
        deadline = t0 + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline) {
            frames += roundTrip(body, decoder, 1000);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("codec: %d-byte frames, encode + decode: %.0f frames/s (%.0f MB/s)%n", frameBytes,
                frames / seconds, frames * (double) frameBytes / seconds / 1e6);
    }

    private static int roundTrip(byte[] body, FrameDecoder decoder, int count) {
        for (int i = 0; i < count; i++) {
            decoder.feed(FrameCodec.encode(body));
            DecodeEvent e = decoder.poll();
            if (!(e instanceof DecodeEvent.Decoded d) || d.frame().length() != body.length) {
                throw new IllegalStateException("codec round trip failed");
            }
        }
        return count;
    }

}
