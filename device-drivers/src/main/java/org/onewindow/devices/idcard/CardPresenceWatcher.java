package org.onewindow.devices.idcard;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.DeviceException.Kind;
import org.onewindow.core.device.IdReader;
import org.onewindow.core.device.IdReaderListener;
import org.onewindow.core.identity.IdCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a reader on its own thread and reports through an {@link IdReaderListener}: a card placed on the
 * reader is read once and reported ({@code cardRead} or {@code readFailed}); the same card is not reported
 * again until it has left the field. When the reader stops answering the listener hears
 * {@code readerLost} once, polling goes on (the driver reopens the port), and {@code readerConnected}
 * follows on recovery, so an unplugged and replugged reader comes back without a restart.
 */
public final class CardPresenceWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CardPresenceWatcher.class);
    /** Failures that mean the reader itself is gone or mute, not that one card read went wrong. */
    private static final Set<Kind> READER_FAILURES = EnumSet.of(Kind.IO, Kind.NOT_CONNECTED, Kind.TIMEOUT,
            Kind.SELF_TEST_FAILED, Kind.NOT_AUTHORISED);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);

    private final IdReader reader;
    private final IdReaderListener listener;
    private final Duration pollInterval;
    private volatile boolean running;
    private Thread thread;
    /** null until the first poll: the first outcome is always reported. */
    private Boolean connected;

    public CardPresenceWatcher(IdReader reader, IdReaderListener listener) {
        this(reader, listener, DEFAULT_POLL_INTERVAL);
    }

    public CardPresenceWatcher(IdReader reader, IdReaderListener listener, Duration pollInterval) {
        this.reader = reader;
        this.listener = listener;
        this.pollInterval = pollInterval;
    }

    /** Starts the polling thread (a daemon named after the reader). */
    public synchronized CardPresenceWatcher start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        thread = new Thread(this::loop, "id-card-watcher " + reader.name());
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    /** Stops polling and waits for the thread to end; does not close the reader. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (running) {
            pollOnce();
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private void pollOnce() {
        boolean cardFound;
        try {
            cardFound = reader.pollForNewCard();
        } catch (DeviceException e) {
            if (READER_FAILURES.contains(e.kind())) {
                lost(e);
            } else {
                LOG.debug("{}: poll failed: {}", reader.name(), e.getMessage());
            }
            return;
        }
        connected();
        if (!cardFound) {
            return;
        }
        notify(() -> listener.cardPresented(reader.name()));
        IdCard card;
        try {
            card = reader.read();
        } catch (DeviceException e) {
            if (READER_FAILURES.contains(e.kind()) && e.kind() != Kind.TIMEOUT) {
                lost(e);
            }
            notify(() -> listener.readFailed(e));
            return;
        }
        notify(() -> listener.cardRead(card));
    }

    private void connected() {
        if (!Boolean.TRUE.equals(connected)) {
            connected = true;
            notify(() -> listener.readerConnected(reader.name()));
        }
    }

    private void lost(DeviceException e) {
        if (!Boolean.FALSE.equals(connected)) {
            connected = false;
            LOG.warn("{}: reader lost: {}", reader.name(), e.getMessage());
            notify(() -> listener.readerLost(e));
        }
    }

    /** A listener that throws must not kill the watcher; nothing is reported once close() began. */
    private void notify(Runnable event) {
        if (!running) {
            return;
        }
        try {
            event.run();
        } catch (RuntimeException e) {
            LOG.error("{}: listener failed", reader.name(), e);
        }
    }
}
