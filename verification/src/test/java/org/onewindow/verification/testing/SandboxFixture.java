package org.onewindow.verification.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Instant;
import org.onewindow.core.backend.BackendException;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;

/** A sandbox back-end on loopback with a signed-in clerk client, for the online tests. */
public final class SandboxFixture implements AutoCloseable {
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T04:00:00Z"));
    public final SandboxBackend sandbox;
    public final HttpHallServices client;

    public SandboxFixture(Path dir) throws Exception {
        sandbox = SandboxBackend.start(dir, 0, clock);
        client = new HttpHallServices(BackendConfig.of(sandbox.baseUri(), "WS-TEST-01"));
        client.signIn("demo", "demo".toCharArray());
    }

    /** What the citizen's app would show: a fresh EC1 payload. */
    public String demoPayload(String idNumber, String credentialType) throws BackendException {
        JsonNode n = client.callJson("POST", "/api/v1/credentials/demo-tokens",
                JsonNodeFactory.instance.objectNode().put("idNumber", idNumber).put("credentialType", credentialType));
        return n.path("payload").asText();
    }

    @Override
    public void close() {
        client.close();
        sandbox.close();
    }
}
