package org.onewindow.verification.backend;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the back-end is and how patient to be with it.
 *
 * @param baseUri        e.g. http://127.0.0.1:8088 (the client appends /api/v1/...)
 * @param workstationId  sent as X-OneWindow-Workstation on archive calls
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer
 */
public record BackendConfig(URI baseUri, String workstationId, Duration connectTimeout, Duration requestTimeout) {
    public BackendConfig {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(workstationId, "workstationId");
    }

    public static BackendConfig of(URI baseUri, String workstationId) {
        return new BackendConfig(baseUri, workstationId, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }
}
