package org.onewindow.core.queue;

import java.util.Objects;

/** Where a transferred ticket goes: back into another category's queue, or straight to one window. */
public record TransferTarget(Kind kind, String id) {
    public enum Kind { CATEGORY, WINDOW }

    public TransferTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static TransferTarget category(String categoryCode) {
        return new TransferTarget(Kind.CATEGORY, categoryCode);
    }

    public static TransferTarget window(String windowId) {
        return new TransferTarget(Kind.WINDOW, windowId);
    }
}
