package org.onewindow.verification.backend.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.catalogue.Catalogue;
import org.onewindow.core.catalogue.ServiceItem;
import org.onewindow.verification.backend.HttpHallServices;

/** {@link Catalogue} over the contract's {@code /catalogue} paths; every call asks the back-end. */
public final class HttpCatalogue implements Catalogue {
    private static final String C = "/api/v1/catalogue/items";

    private final HttpHallServices hall;

    public HttpCatalogue(HttpHallServices hall) {
        this.hall = Objects.requireNonNull(hall, "hall");
    }

    @Override
    public List<ServiceItem> items() throws BackendException {
        return items(get(C));
    }

    @Override
    public List<ServiceItem> itemsOf(String categoryCode) throws BackendException {
        return items(get(C + "?category=" + encode(categoryCode)));
    }

    @Override
    public Optional<ServiceItem> item(String code) throws BackendException {
        try {
            return Optional.of(QueueJson.item(get(C + "/" + encode(code))));
        } catch (BackendException e) {
            if (e.kind() == BackendException.Kind.REJECTED && e.getMessage().contains("404")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public String version() throws BackendException {
        return QueueJson.text(get(C), "version");
    }

    /** One retry when the pooled connection turned out dead (a back-end restart leaves one behind). */
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

    private static List<ServiceItem> items(JsonNode doc) throws BackendException {
        List<ServiceItem> out = new ArrayList<>();
        for (JsonNode n : doc.path("items")) {
            out.add(QueueJson.item(n));
        }
        return out;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
