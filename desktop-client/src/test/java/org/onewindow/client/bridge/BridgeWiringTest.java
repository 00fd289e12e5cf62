package org.onewindow.client.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onewindow.client.provisioning.Provisioning;
import org.onewindow.client.provisioning.ProvisioningLoader;

class BridgeWiringTest {
    private static Provisioning provisioning(boolean bridgeOn) throws Exception {
        return provisioning(bridgeOn, 17321);
    }

    private static Provisioning provisioning(boolean bridgeOn, int port) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("hall.name", "济南市民中心");
        m.put("hall.window", "08");
        m.put("workstation.id", "WS-JN-08");
        m.put("backend.url", "embedded");
        m.put("bridge.enabled", String.valueOf(bridgeOn));
        m.put("bridge.port", String.valueOf(port));
        m.put("bridge.allowedOrigins", "https://intake.example.gov.cn");
        m.put("bridge.token", "0123456789abcdef0123456789abcdef");
        return ProvisioningLoader.validate(Path.of("test.properties"), m);
    }

    @Test
    void theBridgeIsOffByDefaultAndWithoutAProvisioningFile() throws Exception {
        assertThat(BridgeWiring.startIfEnabled(Optional.empty(), Clock.systemUTC())).isEmpty();
        assertThat(BridgeWiring.startIfEnabled(Optional.of(provisioning(false)), Clock.systemUTC())).isEmpty();
    }

    @Test
    void anEnabledBridgeListensOnTheConfiguredLoopbackPort() throws Exception {
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        Optional<LocalBridge> bridge = BridgeWiring.startIfEnabled(Optional.of(provisioning(true, free)), Clock.systemUTC());
        try {
            assertThat(bridge).isPresent();
            assertThat(bridge.get().port()).isEqualTo(free);
        } finally {
            bridge.ifPresent(LocalBridge::close);
        }
    }
}
