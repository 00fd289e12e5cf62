package org.onewindow.devices.idcard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.onewindow.core.device.DeviceException;
import org.onewindow.devices.idcard.link.ByteLink;

/**
 * Whatever a broken or hostile device answers, a command returns or fails with a DeviceException, in
 * bounded time: no runtime exception, no endless wait.
 */
class ReaderCommandsProperties {

    @Property(tries = 60)
    void anyAnswerToACardReadIsAResultOrATypedError(@ForAll @Size(max = 3_000) byte[] answer, @ForAll long seed) {
        ReaderCommands commands = commandsAnswering(answer, seed);
        assertReturnsOrTyped(commands::readTextAndPhoto);
        assertReturnsOrTyped(commands::findCard);
        assertReturnsOrTyped(commands::samId);
    }

    @Property(tries = 60)
    void framedGarbageIsATypedError(@ForAll @Size(min = 1, max = 1_500) byte[] body, @ForAll long seed) {
        byte[] answer = FrameCodec.encode(body.length >= 2 ? body : new byte[] {body[0], 0});
        ReaderCommands commands = commandsAnswering(answer, seed);
        assertReturnsOrTyped(commands::readTextAndPhoto);
        assertReturnsOrTyped(commands::readTextPhotoAndFingerprints);
        assertReturnsOrTyped(commands::samId);
        assertReturnsOrTyped(commands::readAddedAddress);
    }

    private interface Call {
        Object call() throws DeviceException;
    }

    private static void assertReturnsOrTyped(Call call) {
        long started = System.nanoTime();
        try {
            call.call();
        } catch (DeviceException e) {
            assertThat(e.kind()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
        }
        // 2 attempts x 6 ms timeout plus idle gaps: far below a second unless something spins forever
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    }

    private static ReaderCommands commandsAnswering(byte[] answer, long seed) {
        return new ReaderCommands(new FrameChannel(new ScriptedLink(answer, new Random(seed)), 3), 6, 6, 1);
    }

    /** Answers every write with the same bytes, in random chunk sizes. */
    static final class ScriptedLink implements ByteLink {
        private final byte[] answer;
        private final Random random;
        private final Deque<Byte> pending = new ArrayDeque<>();

        ScriptedLink(byte[] answer, Random random) {
            this.answer = answer;
            this.random = random;
        }

        @Override
        public String describe() {
            return "scripted";
        }

        @Override
        public void write(byte[] bytes) {
            for (byte b : answer) {
                pending.add(b);
            }
        }

        @Override
        public int read(byte[] buffer, int timeoutMillis) {
            if (pending.isEmpty()) {
                try {
                    Thread.sleep(Math.min(timeoutMillis, 2));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 0;
            }
            int n = Math.min(buffer.length, 1 + random.nextInt(Math.min(pending.size(), 600)));
            for (int i = 0; i < n; i++) {
                buffer[i] = pending.poll();
            }
            return n;
        }

        @Override
        public void discardInput() {
            pending.clear();
        }

        @Override
        public int baudRate() {
            return 115_200;
        }

        @Override
        public void setBaudRate(int bitsPerSecond) {
        }

        @Override
        public void close() {
        }
    }
}
