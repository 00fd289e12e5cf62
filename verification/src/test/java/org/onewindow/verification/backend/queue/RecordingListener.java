package org.onewindow.verification.backend.queue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.onewindow.core.queue.QueueEvent;
import org.onewindow.core.queue.QueueListener;

/** Keeps what a stream delivers and lets a test wait for an event that matches, without fixed sleeps. */
final class RecordingListener implements QueueListener {
    final List<QueueEvent> events = new CopyOnWriteArrayList<>();
    final List<Exception> disconnects = new CopyOnWriteArrayList<>();
    private final Object signal = new Object();

    @Override
    public void onEvent(QueueEvent event) {
        events.add(event);
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    @Override
    public void onDisconnected(Exception cause) {
        disconnects.add(cause);
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** The first recorded event matching {@code p}, waiting up to {@code timeout}; fails the test otherwise. */
    QueueEvent await(Predicate<QueueEvent> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (true) {
                for (QueueEvent e : events) {
                    if (p.test(e)) {
                        return e;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching queue event within " + timeout + "; got " + events);
                }
                signal.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    long count(Predicate<QueueEvent> p) {
        return events.stream().filter(p).count();
    }
}
