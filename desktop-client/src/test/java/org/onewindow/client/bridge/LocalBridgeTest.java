package org.onewindow.client.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.core.demo.DemoCitizens;

class LocalBridgeTest {
    static final String TOKEN = "0123456789abcdef0123456789abcdef";
    static final String ORIGIN = "https://intake.example.gov.cn";
    LocalBridge bridge;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        bridge = LocalBridge.start(0, List.of(ORIGIN), TOKEN, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        bridge.close();
    }

    private HttpResponse<String> get(String path, String origin, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridge.port() + path))
                .timeout(Duration.ofSeconds(20));
        if (origin != null) {
            b.header("Origin", origin);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void handsTheCurrentCardToAnAllowedOriginWithTheToken() throws Exception {
        bridge.publishCard(DemoCitizens.ZHANG_WEI);

        HttpResponse<String> r = get("/v1/card", ORIGIN, TOKEN);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        assertThat(r.body()).contains("\"idNumber\":\"" + DemoCitizens.ZHANG_WEI.idNumber() + "\"")
                .contains("\"name\":\"" + DemoCitizens.ZHANG_WEI.name() + "\"");
    }

    @Test
    void refusesOtherOriginsMissingOrWrongTokensAndNonGetMethods() throws Exception {
        bridge.publishCard(DemoCitizens.ZHANG_WEI);

        assertThat(get("/v1/card", "https://evil.example", TOKEN).statusCode()).isEqualTo(403);
        assertThat(get("/v1/card", null, TOKEN).statusCode()).isEqualTo(403);
        assertThat(get("/v1/card", ORIGIN, null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = get("/v1/card", ORIGIN, TOKEN.replace('0', '1'));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(DemoCitizens.ZHANG_WEI.idNumber());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridge.port() + "/v1/card"))
                .header("Origin", ORIGIN).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void aForeignHostHeaderIsRefusedAgainstDnsRebinding() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), bridge.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /v1/card HTTP/1.1\r\nHost: rebind.example:" + bridge.port() + "\r\nOrigin: " + ORIGIN
                    + "\r\nAuthorization: Bearer " + TOKEN + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 421");
        }
    }

    @Test
    void nothingBeforeAReadThenALongPollGetsTheNextReadAndAWipedDeskHasNothing() throws Exception {
        assertThat(get("/v1/card", ORIGIN, TOKEN).statusCode()).isEqualTo(204);

        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return get("/v1/card?wait=15", ORIGIN, TOKEN);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // whether the poll arrives before or after this read, its answer is this read
        bridge.publishCard(DemoCitizens.LI_NA);
        assertThat(waiting.get().statusCode()).isEqualTo(200);
        assertThat(waiting.get().body()).contains(DemoCitizens.LI_NA.idNumber());

        bridge.clear();
        assertThat(get("/v1/card", ORIGIN, TOKEN).statusCode()).isEqualTo(204);
        assertThat(get("/v1/status", ORIGIN, TOKEN).body()).isEqualTo("{\"card\":false,\"scan\":false}");
    }

    @Test
    void aReadExpiresAfterTwoMinutes() throws Exception {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-11-29T10:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        bridge.close();
        bridge = LocalBridge.start(0, List.of(ORIGIN), TOKEN, clock);
        bridge.publishCard(DemoCitizens.ZHANG_WEI);
        assertThat(get("/v1/card", ORIGIN, TOKEN).statusCode()).isEqualTo(200);

        now.set(now.get().plus(LocalBridge.FRESHNESS).plusSeconds(1));

        assertThat(get("/v1/card", ORIGIN, TOKEN).statusCode()).isEqualTo(204);
    }
}
