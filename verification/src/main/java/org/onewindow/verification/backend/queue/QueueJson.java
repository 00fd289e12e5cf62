package org.onewindow.verification.backend.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.catalogue.EvidenceKind;
import org.onewindow.core.catalogue.EvidenceRule;
import org.onewindow.core.catalogue.RequiredMaterial;
import org.onewindow.core.catalogue.ServiceItem;
import org.onewindow.core.queue.PriorityClass;
import org.onewindow.core.queue.QueueEvent;
import org.onewindow.core.queue.ServiceCategory;
import org.onewindow.core.queue.Ticket;
import org.onewindow.core.queue.TicketState;
import org.onewindow.core.queue.WindowState;
import org.onewindow.core.queue.WindowStatus;

/**
 * Reads the queue and catalogue schemas of the contract into core types. An answer that does not fit is a
 * {@link BackendException.Kind#PROTOCOL} failure, never a NullPointerException.
 */
final class QueueJson {
    private QueueJson() {
    }

    static ServiceCategory category(JsonNode n) throws BackendException {
        return new ServiceCategory(text(n, "code"), text(n, "name"), text(n, "prefix"));
    }

    static Ticket ticket(JsonNode n) throws BackendException {
        if (n == null || !n.isObject()) {
            throw protocol("ticket is not an object");
        }
        if (!n.path("id").canConvertToLong()) {
            throw protocol("ticket lacks 'id'");
        }
        return new Ticket(n.get("id").asLong(), text(n, "number"), text(n, "category"),
                enumValue(PriorityClass.class, text(n, "priority")), enumValue(TicketState.class, text(n, "state")),
                instant(n, "issuedAt"), optionalInstant(n, "calledAt"), optionalText(n, "windowId"),
                optionalText(n, "targetWindowId"), n.path("recallCount").asInt(0));
    }

    static Ticket optionalTicket(JsonNode n) throws BackendException {
        return n == null || n.isNull() || n.isMissingNode() ? null : ticket(n);
    }

    static WindowState window(JsonNode n) throws BackendException {
        Set<String> categories = new LinkedHashSet<>();
        for (JsonNode c : n.path("categories")) {
            categories.add(c.asText());
        }
        List<Ticket> parked = new ArrayList<>();
        for (JsonNode t : n.path("parked")) {
            parked.add(ticket(t));
        }
        if (!n.path("waitingCount").canConvertToInt()) {
            throw protocol("window lacks 'waitingCount'");
        }
        return new WindowState(text(n, "windowId"), text(n, "name"), categories,
                enumValue(WindowStatus.class, text(n, "status")), optionalText(n, "clerkName"),
                optionalTicket(n.get("current")), n.get("waitingCount").asInt(), parked);
    }

    static QueueEvent event(JsonNode n) throws BackendException {
        return new QueueEvent(n.path("seq").asLong(), enumValue(QueueEvent.Type.class, text(n, "type")), instant(n, "at"),
                optionalText(n, "windowId"), optionalTicket(n.get("ticket")), counts(n.path("waitingByCategory")),
                counts(n.path("waitingByWindow")));
    }

    static ServiceItem item(JsonNode n) throws BackendException {
        List<RequiredMaterial> materials = new ArrayList<>();
        for (JsonNode m : n.path("materials")) {
            List<EvidenceRule> accepted = new ArrayList<>();
            for (JsonNode e : m.path("accepted")) {
                accepted.add(new EvidenceRule(enumValue(EvidenceKind.class, text(e, "kind")), e.path("type").asText(""),
                        text(e, "description")));
            }
            materials.add(new RequiredMaterial(text(m, "code"), text(m, "name"), m.path("required").asBoolean(true),
                    accepted));
        }
        return new ServiceItem(text(n, "code"), text(n, "name"), text(n, "category"), materials);
    }

    private static Map<String, Integer> counts(JsonNode n) {
        Map<String, Integer> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }

    static String text(JsonNode n, String field) throws BackendException {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isTextual()) {
            throw protocol("answer lacks '" + field + "'");
        }
        return v.asText();
    }

    private static String optionalText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode n, String field) throws BackendException {
        try {
            return Instant.parse(text(n, field));
        } catch (DateTimeParseException e) {
            throw protocol("bad time in '" + field + "'");
        }
    }

    private static Instant optionalInstant(JsonNode n, String field) throws BackendException {
        return optionalText(n, field) == null ? null : instant(n, field);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) throws BackendException {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw protocol("unknown " + type.getSimpleName() + " '" + value + "'");
        }
    }

    private static BackendException protocol(String message) {
        return new BackendException(BackendException.Kind.PROTOCOL, "back-end " + message);
    }
}
