package org.onewindow.sandbox.features.queue;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import org.onewindow.sandbox.http.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans queue events out to server-sent-event connections. Events are published under the store's lock
 * in commit order, so every connection sees them in seq order; a connection that registers under the same
 * lock replays older events from the store and gets newer ones live, without gaps or duplicates.
 */
final class QueueEventHub {
    private static final Logger LOG = LoggerFactory.getLogger(QueueEventHub.class);
    static final long PING_MILLIS = 10_000;
    private static final int BACKLOG = 20_000;

    /** One event as it goes on the wire. */
    record Wire(long seq, String json) {
    }

    /** Where a new connection starts: the events it must replay, read under the store's lock. */
    interface Registration {
        List<Wire> register(Subscriber subscriber, long afterSeq);
    }

    static final class Subscriber {
        private final BlockingQueue<Wire> pending = new ArrayBlockingQueue<>(BACKLOG);
        private volatile boolean overflowed;

        void offer(Wire wire) {
            if (!pending.offer(wire)) {
                // a reader this far behind is stuck; cut it off, it reconnects and replays from its last id
                overflowed = true;
            }
        }
    }

    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();

    void add(Subscriber s) {
        subscribers.add(s);
    }

    int connections() {
        return subscribers.size();
    }

    /** Must be called in commit order (under the store's lock). Never blocks. */
    void publish(List<Wire> events) {
        for (Subscriber s : subscribers) {
            for (Wire w : events) {
                s.offer(w);
            }
        }
    }

    void stream(Request request, HttpExchange exchange, Registration registration) throws IOException {
        long after = request.header("Last-Event-ID").map(QueueEventHub::parseSeq).orElse(-1L);
        Subscriber subscriber = new Subscriber();
        List<Wire> replay = registration.register(subscriber, after);
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            // registration and replay happen under one lock, so live events all come after the replayed ones
            long latest = replay.isEmpty() ? -1 : replay.get(replay.size() - 1).seq();
            write(out, "event: hello\ndata: {\"replayed\":" + replay.size() + "}\n\n");
            for (Wire w : replay) {
                send(out, w);
            }
            while (!subscriber.overflowed) {
                Wire w = subscriber.pending.poll(PING_MILLIS, TimeUnit.MILLISECONDS);
                if (w == null) {
                    write(out, ": ping\n\n");
                } else if (w.seq() > latest) {
                    send(out, w);
                    latest = w.seq();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("queue event stream closed: {}", e.getMessage());
        } finally {
            subscribers.remove(subscriber);
        }
    }

    private static void send(OutputStream out, Wire w) throws IOException {
        write(out, "id: " + w.seq() + "\nevent: queue\ndata: " + w.json() + "\n\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static long parseSeq(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
