package org.onewindow.devices.idcard.sim;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.identity.IdCard;
import org.onewindow.devices.idcard.link.ByteLink;
import org.onewindow.devices.idcard.protocol.BaudRate;
import org.onewindow.devices.idcard.protocol.Command;
import org.onewindow.devices.idcard.protocol.DecodeEvent;
import org.onewindow.devices.idcard.protocol.Frame;
import org.onewindow.devices.idcard.protocol.FrameCodec;
import org.onewindow.devices.idcard.protocol.FrameDecoder;
import org.onewindow.devices.idcard.protocol.SamIds;
import org.onewindow.devices.idcard.protocol.StatusCode;
import org.onewindow.devices.idcard.text.IdCardText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GA/T 467-style security module that speaks the protocol byte for byte over any {@link ByteLink}: a
 * pty through socat in the tests, an in-memory wire in the demo. Serves each link on its own daemon
 * thread; the card comes from a {@link SimulatedCardSlot}, faults from {@link SimulatorFaults}.
 *
 * <p>With {@link #emulateWireTime(boolean)} it holds each exchange to the time a real UART at the
 * link's baud rate would need (10 bits a byte), so benchmarks through a pty have a physical floor.
 */
public final class IdReaderSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IdReaderSimulator.class);
    public static final String DEFAULT_SAM_ID = "05.01-20240101-0012345678-1234567890";
    private static final int IDLE_GAP_MILLIS = 100;
    private static final int PACING_CHUNK = 32;

    private final SimulatedCardSlot slot;
    private final SimulatorFaults faults;
    private final byte[] samId;
    private final List<Served> served = new CopyOnWriteArrayList<>();
    private final AtomicLong framesAnswered = new AtomicLong();
    private final Random noise = new Random(467);
    private volatile boolean emulateWireTime;
    private volatile Duration cardReadTime = Duration.ZERO;

    public IdReaderSimulator(SimulatedCardSlot slot, SimulatorFaults faults) {
        this(slot, faults, DEFAULT_SAM_ID);
    }

    public IdReaderSimulator(SimulatedCardSlot slot, SimulatorFaults faults, String samId) {
        this.slot = slot;
        this.faults = faults;
        this.samId = SamIds.parse(samId);
    }

    public SimulatedCardSlot slot() {
        return slot;
    }

    public SimulatorFaults faults() {
        return faults;
    }

    /** Hold each exchange to real UART timing (for benchmarks); off by default. */
    public IdReaderSimulator emulateWireTime(boolean on) {
        emulateWireTime = on;
        return this;
    }

    /** Time the module itself needs to read a card over RF (real modules: several hundred ms); 0 by default. */
    public IdReaderSimulator cardReadTime(Duration time) {
        cardReadTime = time;
        return this;
    }

    public long framesAnswered() {
        return framesAnswered.get();
    }

    /** Answers requests arriving on {@code link} on a new daemon thread until the link or the simulator closes. */
    public void serve(ByteLink link) {
        Served s = new Served(link);
        served.add(s);
        Thread t = new Thread(s, "id-reader-simulator " + link.describe());
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        for (Served s : served) {
            s.stop();
        }
        served.clear();
    }

    private final class Served implements Runnable {
        private final ByteLink link;
        private volatile boolean running = true;

        Served(ByteLink link) {
            this.link = link;
        }

        void stop() {
            running = false;
            link.close();
        }

        @Override
        public void run() {
            FrameDecoder decoder = new FrameDecoder();
            byte[] buffer = new byte[4096];
            long lastByteAt = System.nanoTime();
            long requestBytes = 0;
            try {
                while (running) {
                    int n = link.read(buffer, 50);
                    long now = System.nanoTime();
                    if (n > 0) {
                        decoder.feed(buffer, 0, n);
                        requestBytes += n;
                        lastByteAt = now;
                    } else if (decoder.bufferedBytes() > 0 && now - lastByteAt > IDLE_GAP_MILLIS * 1_000_000L) {
                        decoder.lineIdle();
                    }
                    DecodeEvent event;
                    while ((event = decoder.poll()) != null) {
                        try {
                            answer(event, requestBytes);
                        } catch (RuntimeException e) {
                            // e.g. a demo card whose fields do not fit the text block: answer "read failed"
                            LOG.error("simulator could not answer a request", e);
                            link.write(FrameCodec.encode(Frame.response(StatusCode.READ_FAILED.code(), new byte[0])));
                        }
                        requestBytes = 0;
                    }
                }
            } catch (DeviceException e) {
                if (running) {
                    LOG.debug("simulator link ended: {}", e.getMessage());
                }
            } finally {
                link.close();
            }
        }

        private void answer(DecodeEvent event, long requestBytes) throws DeviceException {
            long started = System.nanoTime();
            Command command = null;
            Frame request = null;
            if (event instanceof DecodeEvent.Decoded decoded) {
                request = decoded.frame();
                command = request.length() >= 2 ? Command.of(request.cmd(), request.para()) : null;
            }
            SimulatorFaults.Fault fault = faults.take(command);
            Frame response;
            if (event instanceof DecodeEvent.Damaged damaged) {
                response = Frame.response(damaged.kind() == DeviceException.Kind.CHECKSUM
                        ? StatusCode.CHECKSUM_ERROR.code() : StatusCode.LENGTH_ERROR.code(), new byte[0]);
            } else if (fault == SimulatorFaults.Fault.CARD_REMOVED_MID_READ && isCardRead(command)) {
                slot.remove();
                response = Frame.response(StatusCode.READ_FAILED.code(), new byte[0]);
            } else if (fault == SimulatorFaults.Fault.READ_ERROR && isCardRead(command)) {
                // the card stays in the field, unread
                response = Frame.response(StatusCode.READ_FAILED.code(), new byte[0]);
            } else {
                response = respond(command, request);
            }
            if (fault == SimulatorFaults.Fault.WRONG_BLOCK_LENGTH && isCardRead(command)
                    && response.sw3() == StatusCode.OK.code()) {
                byte[] data = response.responseData();
                data[2] = 0x03; // photo length 0x0300 instead of 0x0400
                response = Frame.response(StatusCode.OK.code(), data);
            }
            sleep(faults.responseDelay());
            if (fault == SimulatorFaults.Fault.NO_RESPONSE) {
                return;
            }
            byte[] wire = FrameCodec.encode(response);
            if (fault == SimulatorFaults.Fault.BAD_CHECKSUM) {
                wire[wire.length - 1] ^= 0x5A;
            } else if (fault == SimulatorFaults.Fault.TRUNCATED) {
                wire = java.util.Arrays.copyOf(wire, wire.length / 2);
            } else if (fault == SimulatorFaults.Fault.WRONG_LENGTH_FIELD) {
                int len = ((wire[5] & 0xFF) << 8 | (wire[6] & 0xFF)) + 1;
                wire[5] = (byte) (len >>> 8);
                wire[6] = (byte) len;
            }
            if (fault == SimulatorFaults.Fault.NOISE_BEFORE) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] junk = new byte[faults.noiseBytes()];
                synchronized (noise) {
                    noise.nextBytes(junk);
                }
                out.writeBytes(junk);
                out.writeBytes(wire);
                wire = out.toByteArray();
            }
            if (command != null && isCardRead(command) && !cardReadTime.isZero()) {
                sleep(cardReadTime);
            }
            if (command == Command.SET_BAUD && response.sw3() == StatusCode.OK.code()) {
                // the acknowledgement goes out at the old rate and the module switches right after its last
                // byte, before the host can send anything at the new rate (as a UART does)
                BaudRate rate = BaudRate.ofCode(event instanceof DecodeEvent.Decoded d ? d.frame().para() : 0);
                link.writeThenSetBaudRate(wire, rate.bitsPerSecond());
            } else {
                send(wire, requestBytes, started);
            }
            framesAnswered.incrementAndGet();
        }

        private void send(byte[] wire, long requestBytes, long started) throws DeviceException {
            if (!emulateWireTime) {
                link.write(wire);
                return;
            }
            double nanosPerByte = 10.0 * 1_000_000_000L / link.baudRate();
            // the request took this long to arrive on a real line; the answer starts after it
            long next = started + (long) (requestBytes * nanosPerByte);
            for (int pos = 0; pos < wire.length; pos += PACING_CHUNK) {
                int n = Math.min(PACING_CHUNK, wire.length - pos);
                next += (long) (n * nanosPerByte);
                parkUntil(next);
                link.write(java.util.Arrays.copyOfRange(wire, pos, pos + n));
            }
        }
    }

    private Frame respond(Command command, Frame request) {
        int samError = faults.samErrorCode();
        if (command == null) {
            return Frame.response(StatusCode.BAD_COMMAND.code(), new byte[0]);
        }
        if (samError != 0) {
            return Frame.response(samError, new byte[0]);
        }
        return switch (command) {
            case RESET_SAM, SAM_STATUS -> ok(new byte[0]);
            case READ_SAM_ID -> ok(samId);
            case SET_BAUD -> BaudRate.ofCode(request.para()) == null
                    ? Frame.response(StatusCode.BAD_COMMAND.code(), new byte[0]) : ok(new byte[0]);
            case FIND_CARD -> slot.find() ? Frame.response(StatusCode.CARD_FOUND.code(), new byte[4])
                    : Frame.response(StatusCode.FIND_FAILED.code(), new byte[4]);
            case SELECT_CARD -> slot.select() ? ok(new byte[8])
                    : Frame.response(StatusCode.SELECT_FAILED.code(), new byte[8]);
            case READ_TEXT_PHOTO -> readCard(false);
            case READ_TEXT_PHOTO_FINGERPRINT -> readCard(true);
            case READ_ADDED_ADDRESS -> {
                if (!slot.isSelectedOrRead()) {
                    yield Frame.response(StatusCode.READ_FAILED.code(), new byte[0]);
                }
                String added = slot.addedAddress();
                yield added == null ? Frame.response(StatusCode.NO_CONTENT.code(), new byte[0])
                        : ok(IdCardText.encodeAddedAddress(added));
            }
        };
    }

    private Frame readCard(boolean withFingerprints) {
        IdCard card = slot.readableCard();
        if (card == null) {
            return Frame.response(StatusCode.READ_FAILED.code(), new byte[0]);
        }
        byte[] text = IdCardText.encode(card);
        slot.markRead(card);
        byte[] photo = card.photoWlt() != null && card.photoWlt().length == SimulatedPhotos.LENGTH
                ? card.photoWlt() : SimulatedPhotos.wltFor(card.idNumber());
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(0x01);
        data.write(0x00);
        data.write(0x04);
        data.write(0x00);
        if (withFingerprints) {
            data.write(0x04);
            data.write(0x00);
        }
        data.writeBytes(text);
        data.writeBytes(photo);
        if (withFingerprints) {
            data.writeBytes(SimulatedPhotos.wltFor("fingerprint:" + card.idNumber()));
        }
        return ok(data.toByteArray());
    }

    private static boolean isCardRead(Command command) {
        return command == Command.READ_TEXT_PHOTO || command == Command.READ_TEXT_PHOTO_FINGERPRINT;
    }

    private static Frame ok(byte[] data) {
        return Frame.response(StatusCode.OK.code(), data);
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            parkUntil(System.nanoTime() + d.toNanos());
        }
    }

    private static void parkUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
