package org.onewindow.client.bridge;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.onewindow.client.provisioning.Provisioning;

/**
 * Starts the local bridge when, and only when, the provisioning file turns it on. The composition root
 * then forwards each card read ({@link LocalBridge#publishCard}) and scan, calls {@link LocalBridge#clear}
 * when the desk is wiped, and closes it with the workstation.
 */
public final class BridgeWiring {
    private BridgeWiring() {
    }

    public static Optional<LocalBridge> startIfEnabled(Optional<Provisioning> provisioning, Clock clock) throws IOException {
        if (provisioning.isEmpty() || !provisioning.get().bridge().enabled()) {
            return Optional.empty();
        }
        Provisioning.Bridge b = provisioning.get().bridge();
        // the loader guarantees a token and at least one origin when the bridge is enabled
        return Optional.of(LocalBridge.start(b.port(), b.allowedOrigins(), b.token().orElseThrow(), clock));
    }
}
