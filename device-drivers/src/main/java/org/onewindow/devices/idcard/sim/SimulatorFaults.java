package org.onewindow.devices.idcard.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import org.onewindow.devices.idcard.protocol.Command;

/**
 * Faults the simulator injects, set by the test while the simulator runs. One-shot faults hit the next
 * answer (optionally: the next answer to one command); standing faults last until cleared.
 */
public final class SimulatorFaults {

    public enum Fault {
        /** The answer's checksum byte is wrong. */
        BAD_CHECKSUM,
        /** Only the first half of the answer is sent. */
        TRUNCATED,
        /** Random bytes on the line before the answer. */
        NOISE_BEFORE,
        /** No answer at all. */
        NO_RESPONSE,
        /** The frame's length field claims one byte more than is sent. */
        WRONG_LENGTH_FIELD,
        /** A card-read answer whose inner photo-length field disagrees with the data (framing intact). */
        WRONG_BLOCK_LENGTH,
        /** The card leaves the field during a card read: the module answers 41 and the field is empty. */
        CARD_REMOVED_MID_READ,
        /** A card read fails (41, e.g. a damaged chip) and the card stays in the field. */
        READ_ERROR
    }

    private record Pending(Fault fault, Command only) {
    }

    private final Deque<Pending> once = new ArrayDeque<>();
    private Fault standing;
    private Duration responseDelay = Duration.ZERO;
    private int samErrorCode;
    private int noiseBytes = 1_000;

    /** Applies {@code fault} to the next answer, whatever the command. */
    public synchronized SimulatorFaults once(Fault fault) {
        once.add(new Pending(fault, null));
        return this;
    }

    /** Applies {@code fault} to the next answer to {@code command}. */
    public synchronized SimulatorFaults onceFor(Command command, Fault fault) {
        once.add(new Pending(fault, command));
        return this;
    }

    /** Applies {@code fault} to every answer until {@link #clear()}. */
    public synchronized SimulatorFaults always(Fault fault) {
        standing = fault;
        return this;
    }

    /** Every answer waits this long first (a slow module or a slow card). */
    public synchronized SimulatorFaults responseDelay(Duration delay) {
        responseDelay = delay;
        return this;
    }

    /** Every command answers with this SW3 (0x60 self-test failed, 0x66 not authorised, 0x31..0x33...). */
    public synchronized SimulatorFaults samError(int sw3) {
        samErrorCode = sw3;
        return this;
    }

    /** How many random bytes {@link Fault#NOISE_BEFORE} puts on the line (default 1,000). */
    public synchronized SimulatorFaults noiseBytes(int count) {
        noiseBytes = count;
        return this;
    }

    public synchronized void clear() {
        once.clear();
        standing = null;
        responseDelay = Duration.ZERO;
        samErrorCode = 0;
        noiseBytes = 1_000;
    }

    synchronized Fault take(Command command) {
        Iterator<Pending> it = once.iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (p.only == null || p.only == command) {
                it.remove();
                return p.fault;
            }
        }
        return standing;
    }

    /** Whether a one-shot fault is still waiting (tests use it to know the fault was used). */
    public synchronized boolean hasPending() {
        return !once.isEmpty();
    }

    synchronized Duration responseDelay() {
        return responseDelay;
    }

    synchronized int samErrorCode() {
        return samErrorCode;
    }

    synchronized int noiseBytes() {
        return noiseBytes;
    }
}
