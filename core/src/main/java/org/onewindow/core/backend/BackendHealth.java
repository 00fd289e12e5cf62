package org.onewindow.core.backend;

import java.time.Instant;

/** What the back-end says about itself. */
public record BackendHealth(String status, String version, Instant serverTime) {
    public boolean isUp() {
        return "UP".equals(status);
    }
}
