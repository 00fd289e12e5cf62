package org.onewindow.verification.backend.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.queue.QueueEvent;
import org.onewindow.core.queue.QueueListener;
import org.onewindow.core.queue.QueueService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server-sent-event subscription to {@code /api/v1/queue/events} on its own daemon thread. Reconnects
 * with a growing pause (up to {@code maxBackoff}) after any failure, including a back-end restart, and
 * sends {@code Last-Event-ID} so the back-end replays what was missed. Each (re)connection is announced to
 * the listener as a {@link QueueEvent.Type#RESYNC} event. The socket times out after three missed pings,
 * so a silently dead connection is noticed too.
 */
public final class QueueEventStream implements QueueService.Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(QueueEventStream.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    private final URI eventsUri;
    private final String workstationId;
    private final QueueListener listener;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration maxBackoff;
    private final CloseableHttpClient http;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile HttpGet inFlight;
    private volatile boolean connected;
    // touched by the stream thread only
    private long lastSeq = -1;
    private boolean inOutage;
    private Duration backoff = FIRST_BACKOFF;

    QueueEventStream(URI baseUri, String workstationId, Duration connectTimeout, QueueListener listener,
                     ObjectMapper json, Clock clock, Duration maxBackoff) {
        this.eventsUri = baseUri.resolve("/api/v1/queue/events");
        this.workstationId = workstationId;
        this.listener = listener;
        this.json = json;
        this.clock = clock;
        this.maxBackoff = maxBackoff;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.ofSeconds(30))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
                .disableAutomaticRetries()
                .setUserAgent("OneWindow/0.1")
                .build();
        this.thread = new Thread(this::run, "queue-events");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Whether the stream is connected right now. */
    public boolean isConnected() {
        return connected;
    }

    private void run() {
        try {
            while (running) {
                Exception failure;
                try {
                    readOnce();
                    failure = new IOException("event stream ended");
                } catch (IOException | BackendException e) {
                    failure = e;
                }
                connected = false;
                if (!running) {
                    break;
                }
                if (!inOutage) {
                    // tell the listener once per outage, not on every failed retry
                    inOutage = true;
                    LOG.info("queue event stream lost ({}); reconnecting", failure.getMessage());
                    deliverDisconnect(failure);
                }
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connected = false;
            stopped.countDown();
        }
    }

    private void readOnce() throws IOException, BackendException {
        HttpGet get = new HttpGet(eventsUri);
        get.setHeader("Accept", "text/event-stream");
        get.setHeader("X-OneWindow-Workstation", workstationId);
        if (lastSeq >= 0) {
            get.setHeader("Last-Event-ID", Long.toString(lastSeq));
        }
        inFlight = get;
        if (!running) {
            return;
        }
        http.execute(get, response -> {
            if (response.getCode() != 200 || response.getEntity() == null) {
                throw new IOException("event stream answered " + response.getCode());
            }
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(response.getEntity().getContent(), StandardCharsets.UTF_8))) {
                String event = null;
                String id = null;
                StringBuilder data = new StringBuilder();
                String line;
                while (running && (line = in.readLine()) != null) {
                    if (line.isEmpty()) {
                        dispatch(event, id, data.toString());
                        event = null;
                        id = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        if (data.length() > 0) {
                            data.append('\n');
                        }
                        data.append(line.substring(5).stripLeading());
                    }
                    // lines starting with ':' are keep-alive comments
                }
            }
            return null;
        });
    }

    private void dispatch(String event, String id, String data) {
        if ("hello".equals(event)) {
            connected = true;
            inOutage = false;
            backoff = FIRST_BACKOFF;
            deliver(QueueEvent.resync(clock.instant()));
            return;
        }
        if (!"queue".equals(event) || data.isEmpty()) {
            return;
        }
        try {
            JsonNode node = json.readTree(data);
            QueueEvent e = QueueJson.event(node);
            if (id != null) {
                lastSeq = Long.parseLong(id);
            }
            deliver(e);
        } catch (IOException | BackendException | NumberFormatException e) {
            LOG.warn("skipping a queue event that does not fit the contract: {}", e.getMessage());
        }
    }

    private void deliver(QueueEvent e) {
        try {
            listener.onEvent(e);
        } catch (RuntimeException ex) {
            LOG.error("queue listener failed on {}", e.type(), ex);
        }
    }

    private void deliverDisconnect(Exception cause) {
        try {
            listener.onDisconnected(cause);
        } catch (RuntimeException ex) {
            LOG.error("queue listener failed on disconnect", ex);
        }
    }

    @Override
    public void close() {
        running = false;
        HttpGet get = inFlight;
        if (get != null) {
            get.cancel();
        }
        thread.interrupt();
        try {
            stopped.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            http.close();
        } catch (IOException e) {
            LOG.debug("closing event stream client: {}", e.getMessage());
        }
    }
}
