package org.onewindow.devices.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.IdReaderListener;
import org.onewindow.core.identity.IdCard;
import org.onewindow.devices.idcard.link.SerialPortLink;
import org.onewindow.devices.idcard.photo.PhotoDecoder;
import org.onewindow.devices.idcard.sim.IdReaderSimulator;
import org.onewindow.devices.idcard.sim.SimulatedCardSlot;
import org.onewindow.devices.idcard.sim.SimulatorFaults;
import org.onewindow.devices.idcard.testing.SocatPtyPair;

/** The presence watcher on a real pty: card events, and a reader unplugged and plugged back in. */
class PtyHotPlugTest {
    /** Generous: these waits end on events, the bound only stops a broken build from hanging. */
    private static final long EVENT_WAIT_SECONDS = 10;

    @TempDir
    Path dir;

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final IdReaderListener listener = new IdReaderListener() {
        @Override
        public void cardRead(IdCard card) {
            events.add("read " + card.idNumber());
        }

        @Override
        public void readFailed(DeviceException error) {
            events.add("failed " + error.kind());
        }

        @Override
        public void readerConnected(String readerName) {
            events.add("connected");
        }

        @Override
        public void readerLost(DeviceException error) {
            events.add("lost " + error.kind());
        }
    };

    @Test
    void reportsEachPresentationOnceAndRecoversAfterUnplugAndReplug() throws Exception {
        SimulatedCardSlot slot = new SimulatedCardSlot();
        try (SocatPtyPair ptys = SocatPtyPair.start(dir);
             ProtocolIdReader reader = ProtocolIdReader.serial(ptys.hostEnd(), 115_200,
                     ReaderSettings.defaults().withCommandTimeoutMillis(300), PhotoDecoder.notInstalled("test"))) {
            IdReaderSimulator simulator = new IdReaderSimulator(slot, new SimulatorFaults());
            simulator.serve(SerialPortLink.open(ptys.deviceEnd(), 115_200));
            try (CardPresenceWatcher watcher = new CardPresenceWatcher(reader, listener, Duration.ofMillis(50))
                    .start()) {
                assertThat(next()).isEqualTo("connected");

                slot.present(DemoCitizens.ZHANG_WEI);
                assertThat(next()).isEqualTo("read " + DemoCitizens.ZHANG_WEI.idNumber());
                slot.present(DemoCitizens.LI_NA);
                assertThat(next()).isEqualTo("read " + DemoCitizens.LI_NA.idNumber());
                // the card stays on the reader: it must not be reported again
                assertThat(events.poll(500, TimeUnit.MILLISECONDS)).isNull();

                ptys.unplug();
                simulator.close();
                assertThat(next()).startsWith("lost ");

                ptys.plugIn();
                IdReaderSimulator replugged = new IdReaderSimulator(slot, new SimulatorFaults());
                replugged.serve(SerialPortLink.open(ptys.deviceEnd(), 115_200));
                long replugAt = System.nanoTime();
                assertThat(next()).isEqualTo("connected");
                long recoveryMillis = (System.nanoTime() - replugAt) / 1_000_000;
                System.out.println("hot-plug recovery after replug: " + recoveryMillis + " ms");

                slot.present(DemoCitizens.CHAN_KA_MING);
                assertThat(next()).isEqualTo("read " + DemoCitizens.CHAN_KA_MING.idNumber());
                assertThat(watcher.isRunning()).isTrue();
                replugged.close();
            }
        }
    }

    private String next() throws InterruptedException {
        String event = events.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(event).as("an event within %d s", EVENT_WAIT_SECONDS).isNotNull();
        return event;
    }
}
