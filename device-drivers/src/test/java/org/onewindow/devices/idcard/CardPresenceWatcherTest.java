package org.onewindow.devices.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.IdReaderListener;
import org.onewindow.core.identity.IdCard;
import org.onewindow.devices.idcard.photo.PhotoDecoder;
import org.onewindow.devices.idcard.protocol.Command;
import org.onewindow.devices.idcard.sim.IdReaderSimulator;
import org.onewindow.devices.idcard.sim.SimulatedCardSlot;
import org.onewindow.devices.idcard.sim.SimulatedIdReaders;
import org.onewindow.devices.idcard.sim.SimulatorFaults;

/** The watcher against the in-process simulator (the pty variant lives in PtyHotPlugTest). */
class CardPresenceWatcherTest {
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final SimulatedCardSlot slot = new SimulatedCardSlot();
    private final SimulatorFaults faults = new SimulatorFaults();

    @Test
    void aFailedReadIsReportedAndTheNextPresentationStillReads() throws Exception {
        try (ProtocolIdReader reader = SimulatedIdReaders.inProcess(slot, faults);
             CardPresenceWatcher watcher = new CardPresenceWatcher(reader, recorder(false), Duration.ofMillis(20))
                     .start()) {
            assertThat(next()).isEqualTo("connected");
            faults.onceFor(Command.READ_TEXT_PHOTO, SimulatorFaults.Fault.CARD_REMOVED_MID_READ);
            slot.present(DemoCitizens.ZHANG_WEI);
            assertThat(next()).isEqualTo("presented");
            assertThat(next()).isEqualTo("failed CARD_REMOVED");
            slot.present(DemoCitizens.ZHANG_WEI);
            assertThat(next()).isEqualTo("presented");
            assertThat(next()).isEqualTo("read " + DemoCitizens.ZHANG_WEI.idNumber());
            assertThat(watcher.isRunning()).isTrue();
        }
    }

    @Test
    void aCardThatCannotBeReadIsReportedOnceUntilItIsPlacedAgain() throws Exception {
        IdReaderSimulator simulator = new IdReaderSimulator(slot, faults);
        try (ProtocolIdReader reader = SimulatedIdReaders.inProcess(simulator, ReaderSettings.defaults(),
                PhotoDecoder.notInstalled("test"));
             CardPresenceWatcher watcher = new CardPresenceWatcher(reader, recorder(false), Duration.ofMillis(20))
                     .start()) {
            assertThat(next()).isEqualTo("connected");
            faults.onceFor(Command.READ_TEXT_PHOTO, SimulatorFaults.Fault.READ_ERROR);
            slot.present(DemoCitizens.ANNA_SCHMIDT);
            assertThat(next()).isEqualTo("presented");
            assertThat(next()).isEqualTo("failed READ_FAILED");
            // still on the reader, unread: no second attempt until the clerk places it again
            assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
            slot.remove();
            // the card is away long enough for a poll to see the empty field (a clerk's lift takes far longer)
            long answered = simulator.framesAnswered();
            while (simulator.framesAnswered() < answered + 2) {
                Thread.sleep(5);
            }
            slot.present(DemoCitizens.ANNA_SCHMIDT);
            assertThat(next()).isEqualTo("presented");
            assertThat(next()).isEqualTo("read " + DemoCitizens.ANNA_SCHMIDT.idNumber());
            simulator.close();
            assertThat(watcher.isRunning()).isTrue();
        }
    }

    @Test
    void aSamFailureIsReportedAsReaderLostAndRecoveryAsConnected() throws Exception {
        try (ProtocolIdReader reader = SimulatedIdReaders.inProcess(slot, faults);
             CardPresenceWatcher watcher = new CardPresenceWatcher(reader, recorder(false), Duration.ofMillis(20))
                     .start()) {
            assertThat(next()).isEqualTo("connected");
            faults.samError(0x66);
            assertThat(next()).isEqualTo("lost NOT_AUTHORISED");
            faults.clear();
            assertThat(next()).isEqualTo("connected");
            assertThat(watcher.isRunning()).isTrue();
        }
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheWatcher() throws Exception {
        try (ProtocolIdReader reader = SimulatedIdReaders.inProcess(slot, faults);
             CardPresenceWatcher watcher = new CardPresenceWatcher(reader, recorder(true), Duration.ofMillis(20))
                     .start()) {
            assertThat(next()).isEqualTo("connected");
            slot.present(DemoCitizens.LI_NA);
            assertThat(next()).isEqualTo("presented");
            assertThat(next()).isEqualTo("read " + DemoCitizens.LI_NA.idNumber());
            slot.present(DemoCitizens.MA_XIULAN);
            assertThat(next()).isEqualTo("presented");
            assertThat(next()).isEqualTo("read " + DemoCitizens.MA_XIULAN.idNumber());
            assertThat(watcher.isRunning()).isTrue();
        }
        assertThat(events.poll(100, TimeUnit.MILLISECONDS)).isNull();
    }

    private IdReaderListener recorder(boolean throwAfterRecording) {
        return new IdReaderListener() {
            @Override
            public void cardRead(IdCard card) {
                events.add("read " + card.idNumber());
                if (throwAfterRecording) {
                    throw new IllegalStateException("listener bug");
                }
            }

            @Override
            public void readFailed(DeviceException error) {
                events.add("failed " + error.kind());
            }

            @Override
            public void cardPresented(String readerName) {
                events.add("presented");
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
    }

    private String next() throws InterruptedException {
        String event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("an event within 10 s").isNotNull();
        return event;
    }
}
