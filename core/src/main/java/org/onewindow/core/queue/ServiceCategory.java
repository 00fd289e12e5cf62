package org.onewindow.core.queue;

import java.util.Objects;

/**
 * A queue of the hall (社保, 不动产, ...). Ticket numbers start with its {@code prefix}.
 *
 * @param code   stable key, e.g. {@code SB}
 * @param name   shown to clerks and citizens, e.g. 社保
 * @param prefix the ticket-number letter, e.g. {@code A} for A001
 */
public record ServiceCategory(String code, String name, String prefix) {
    public ServiceCategory {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
    }
}
