package org.onewindow.devices.idcard.link;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded one-way byte queue between two threads with timed reads: what {@code PipedInputStream}
 * should have been (it ties itself to the writing thread's life).
 */
final class BytePipe {
    private final byte[] ring;
    private int head;
    private int size;
    private boolean closed;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    BytePipe(int capacity) {
        ring = new byte[capacity];
    }

    /** Writes everything; returns false when the pipe is closed or stays full for {@code timeoutMillis}. */
    boolean write(byte[] data, int offset, int length, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            int pos = offset;
            int stop = offset + length;
            while (pos < stop) {
                if (closed) {
                    return false;
                }
                if (size == ring.length) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    changed.awaitNanos(left);
                    continue;
                }
                int tail = (head + size) % ring.length;
                int n = Math.min(stop - pos, Math.min(ring.length - size, ring.length - tail));
                System.arraycopy(data, pos, ring, tail, n);
                size += n;
                pos += n;
                changed.signalAll();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the count read, 0 on timeout, -1 once closed and drained. */
    int read(byte[] buffer, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (size == 0) {
                if (closed) {
                    return -1;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return 0;
                }
                changed.awaitNanos(left);
            }
            int n = Math.min(buffer.length, Math.min(size, ring.length - head));
            System.arraycopy(ring, head, buffer, 0, n);
            head = (head + n) % ring.length;
            size -= n;
            changed.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            head = 0;
            size = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }
}
