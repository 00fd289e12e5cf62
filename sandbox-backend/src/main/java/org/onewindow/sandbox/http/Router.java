package org.onewindow.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes requests by method and path template ({@code /api/v1/archive/blobs/{sha256}}), applies fault
 * rules, turns {@link HttpError} and unexpected exceptions into problem documents, and optionally records
 * exchanges for contract tests.
 */
public final class Router implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final int RECORD_LIMIT = 2000;

    private record Route(String method, String[] segments, Handler handler, StreamHandler stream) {
    }

    /** A handler that writes the response itself (server-sent events and other streams). */
    @FunctionalInterface
    public interface StreamHandler {
        void handle(Request request, HttpExchange exchange) throws IOException;
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<FaultRule> faults = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<RecordedExchange> recorded = new ConcurrentLinkedDeque<>();
    private volatile boolean recording;

    public Router route(String method, String template, Handler handler) {
        routes.add(new Route(method, split(template), handler, null));
        return this;
    }

    public Router stream(String method, String template, StreamHandler handler) {
        routes.add(new Route(method, split(template), null, handler));
        return this;
    }

    public void addFault(FaultRule rule) {
        faults.add(rule);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** The first live fault of {@code action} for this request, consuming one use. */
    public boolean takeFault(FaultRule.Action action, String method, String path) {
        for (FaultRule f : faults) {
            if (f.action() == action && f.matches(method, path) && f.take()) {
                return true;
            }
        }
        return false;
    }

    public void setRecording(boolean on) {
        recording = on;
        if (!on) {
            recorded.clear();
        }
    }

    public List<RecordedExchange> recorded() {
        return Collections.unmodifiableList(new ArrayList<>(recorded));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            for (FaultRule f : faults) {
                if (f.matches(method, path) && f.action() != FaultRule.Action.WRONG_RECEIPT && f.take()) {
                    switch (f.action()) {
                        case DELAY -> sleep(f.value());
                        case STATUS -> {
                            send(exchange, null, Response.problem(f.value(), "injected-fault", "fault injected by test"));
                            return;
                        }
                        case RESET -> {
                            // answer nothing: the client sees the connection dropped
                            exchange.getResponseBody().close();
                            return;
                        }
                        default -> { }
                    }
                }
            }
            Map<String, String> params = new HashMap<>();
            Route route;
            try {
                route = find(method, path, params);
            } catch (HttpError e) {
                send(exchange, null, Response.problem(e.status(), e.code(), e.getMessage()));
                return;
            }
            Request request = new Request(exchange, params);
            if (route == null) {
                send(exchange, request, Response.problem(404, "not-found", "no route for " + method + " " + path));
                return;
            }
            if (route.stream() != null) {
                route.stream().handle(request, exchange);
                return;
            }
            Response response;
            try {
                response = route.handler().handle(request);
            } catch (HttpError e) {
                response = Response.problem(e.status(), e.code(), e.getMessage());
            } catch (Exception e) {
                LOG.error("handler failed for {} {}", method, path, e);
                response = Response.problem(500, "internal", "internal error");
            }
            send(exchange, request, response);
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(HttpExchange exchange, Request request, Response response) throws IOException {
        byte[] body = response.body();
        if (recording) {
            // recorded before the answer leaves: a client that has its answer must find the exchange recorded
            byte[] reqBody = request == null ? new byte[0] : safeBody(request);
            recorded.addLast(new RecordedExchange(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), reqBody, response.status(),
                    response.contentType(), body));
            while (recorded.size() > RECORD_LIMIT) {
                recorded.pollFirst();
            }
        }
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] safeBody(Request request) {
        try {
            return request.body();
        } catch (HttpError e) {
            return new byte[0];
        }
    }

    private Route find(String method, String path, Map<String, String> params) {
        String[] parts = split(path);
        boolean pathMatched = false;
        for (Route r : routes) {
            Map<String, String> p = match(r.segments(), parts);
            if (p != null) {
                pathMatched = true;
                if (r.method().equalsIgnoreCase(method)) {
                    params.putAll(p);
                    return r;
                }
            }
        }
        if (pathMatched) {
            throw new HttpError(405, "method-not-allowed", method + " is not allowed on " + path);
        }
        return null;
    }

    private static Map<String, String> match(String[] template, String[] parts) {
        if (template.length != parts.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), parts[i]);
            } else if (!t.equals(parts[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
