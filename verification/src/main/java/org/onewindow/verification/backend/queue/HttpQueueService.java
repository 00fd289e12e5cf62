package org.onewindow.verification.backend.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.queue.PriorityClass;
import org.onewindow.core.queue.QueueListener;
import org.onewindow.core.queue.QueueService;
import org.onewindow.core.queue.ServiceCategory;
import org.onewindow.core.queue.Ticket;
import org.onewindow.core.queue.TransferTarget;
import org.onewindow.core.queue.WindowState;
import org.onewindow.verification.backend.HttpHallServices;

/**
 * {@link QueueService} over the contract's {@code /queue} paths. Requests go through
 * {@link HttpHallServices#callJson} (same connection pool, token and typed failures); each
 * {@link #subscribe} opens its own {@link QueueEventStream}.
 */
public final class HttpQueueService implements QueueService {
    private static final String Q = "/api/v1/queue";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final HttpHallServices hall;
    private final Clock clock;
    private final Duration maxReconnectPause;

    /** Over a signed-in {@code hall} (window operations need the clerk's token). */
    public HttpQueueService(HttpHallServices hall) {
        this(hall, Clock.systemUTC(), Duration.ofSeconds(5));
    }

    /** @param maxReconnectPause the longest pause between reconnection attempts of the event stream */
    public HttpQueueService(HttpHallServices hall, Clock clock, Duration maxReconnectPause) {
        this.hall = Objects.requireNonNull(hall, "hall");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxReconnectPause = Objects.requireNonNull(maxReconnectPause, "maxReconnectPause");
    }

    @Override
    public List<ServiceCategory> categories() throws BackendException {
        List<ServiceCategory> out = new ArrayList<>();
        for (JsonNode n : get(Q + "/categories").path("items")) {
            out.add(QueueJson.category(n));
        }
        return out;
    }

    @Override
    public List<WindowState> windows() throws BackendException {
        List<WindowState> out = new ArrayList<>();
        for (JsonNode n : get(Q + "/windows").path("items")) {
            out.add(QueueJson.window(n));
        }
        return out;
    }

    @Override
    public WindowState window(String windowId) throws BackendException {
        return QueueJson.window(get(windowPath(windowId)));
    }

    @Override
    public WindowState callNext(String windowId) throws BackendException {
        return windowOp(windowId, "call-next", null);
    }

    @Override
    public WindowState recall(String windowId) throws BackendException {
        return windowOp(windowId, "recall", null);
    }

    @Override
    public WindowState transfer(String windowId, TransferTarget target) throws BackendException {
        ObjectNode body = JSON.createObjectNode();
        body.put(target.kind() == TransferTarget.Kind.CATEGORY ? "toCategory" : "toWindow", target.id());
        return windowOp(windowId, "transfer", body);
    }

    @Override
    public WindowState noShow(String windowId) throws BackendException {
        return windowOp(windowId, "no-show", null);
    }

    @Override
    public WindowState park(String windowId) throws BackendException {
        return windowOp(windowId, "park", null);
    }

    @Override
    public WindowState resumeParked(String windowId, long ticketId) throws BackendException {
        return windowOp(windowId, "parked/" + ticketId + "/resume", null);
    }

    @Override
    public WindowState finish(String windowId) throws BackendException {
        return windowOp(windowId, "finish", null);
    }

    @Override
    public WindowState pause(String windowId) throws BackendException {
        return windowOp(windowId, "pause", null);
    }

    @Override
    public WindowState resume(String windowId) throws BackendException {
        return windowOp(windowId, "resume", null);
    }

    @Override
    public int waitingCount(String windowId) throws BackendException {
        return window(windowId).waitingCount();
    }

    @Override
    public Ticket issueTicket(String categoryCode, PriorityClass priority) throws BackendException {
        ObjectNode body = JSON.createObjectNode().put("category", categoryCode).put("priority", priority.name());
        return QueueJson.ticket(hall.callJson("POST", Q + "/tickets", body));
    }

    @Override
    public Ticket checkIn(String appointmentCode) throws BackendException {
        return QueueJson.ticket(hall.callJson("POST", Q + "/appointments/" + encode(appointmentCode) + "/check-in", null));
    }

    /** Books an appointment (the online booking system's job; here for demos and tests); answers its code. */
    public String bookAppointment(String categoryCode, Instant slotStart) throws BackendException {
        ObjectNode body = JSON.createObjectNode().put("category", categoryCode).put("slotStart", slotStart.toString());
        return QueueJson.text(hall.callJson("POST", Q + "/appointments", body), "code");
    }

    /** Creates or changes a window (needs a supervisor's token). */
    public WindowState defineWindow(String windowId, String name, List<String> categoryCodes) throws BackendException {
        ObjectNode body = JSON.createObjectNode().put("name", name);
        ArrayNode categories = body.putArray("categories");
        categoryCodes.forEach(categories::add);
        return QueueJson.window(hall.callJson("PUT", windowPath(windowId), body));
    }

    @Override
    public QueueEventStream subscribe(QueueListener listener) {
        var config = hall.config();
        QueueEventStream stream = new QueueEventStream(config.baseUri(), config.workstationId(), config.connectTimeout(),
                Objects.requireNonNull(listener, "listener"), JSON, clock, maxReconnectPause);
        stream.start();
        return stream;
    }

    /**
     * GETs are safe to repeat: one retry when the pooled connection turned out dead (a back-end restart
     * leaves one behind). Window operations are never repeated: a second call-next would call a second ticket.
     */
    private JsonNode get(String path) throws BackendException {
        try {
            return hall.callJson("GET", path, null);
        } catch (BackendException e) {
            if (e.kind() != BackendException.Kind.UNREACHABLE) {
                throw e;
            }
            return hall.callJson("GET", path, null);
        }
    }

    private WindowState windowOp(String windowId, String action, JsonNode body) throws BackendException {
        return QueueJson.window(hall.callJson("POST", windowPath(windowId) + "/" + action, body));
    }

    private static String windowPath(String windowId) {
        return Q + "/windows/" + encode(windowId);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
