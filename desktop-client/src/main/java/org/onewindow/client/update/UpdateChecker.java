package org.onewindow.client.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;

/**
 * Reads the back-end's signed version manifest, verifies the Ed25519 signature with the key from the
 * provisioning file, and compares the versions. Only tells: installing stays with the OS package tools.
 * Blocking network I/O: never on the UI thread.
 */
public final class UpdateChecker {
    public static final String PATH = "/api/v1/updates/manifest";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI backend;
    private final PublicKey manifestKey;

    public UpdateChecker(HttpClient http, URI backend, PublicKey manifestKey) {
        this.http = http;
        this.backend = backend;
        this.manifestKey = manifestKey;
    }

    public enum Status { UP_TO_DATE, UPDATE_AVAILABLE, UPDATE_REQUIRED }

    /** The verdict for the running version. */
    public record Result(Status status, String currentVersion, UpdateManifest manifest) {
        public String message() {
            return switch (status) {
                case UP_TO_DATE -> "OneWindow " + currentVersion + " is up to date (latest " + manifest.latestVersion() + ").";
                case UPDATE_AVAILABLE -> "A newer OneWindow is available: " + manifest.latestVersion() + " (this PC runs "
                        + currentVersion + "). " + nullToEmpty(manifest.notes());
                case UPDATE_REQUIRED -> "This PC runs OneWindow " + currentVersion + ", older than the minimum "
                        + manifest.minimumVersion() + ": update to " + manifest.latestVersion() + " now. "
                        + nullToEmpty(manifest.notes());
            };
        }

        private static String nullToEmpty(String s) {
            return s == null ? "" : s;
        }
    }

    public Result check(String currentVersion) throws UpdateCheckException {
        URI uri = backend.resolve(backend.getPath().endsWith("/") ? PATH.substring(1) : backend.getPath() + PATH);
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UpdateCheckException("cannot reach " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpdateCheckException("interrupted while reading " + uri, e);
        }
        if (response.statusCode() != 200) {
            throw new UpdateCheckException(uri + " answered HTTP " + response.statusCode());
        }
        byte[] manifestBytes;
        byte[] signature;
        try {
            JsonNode body = JSON.readTree(response.body());
            if (!"Ed25519".equals(body.path("algorithm").asText())) {
                throw new UpdateCheckException("the manifest is signed with '" + body.path("algorithm").asText()
                        + "', expected Ed25519");
            }
            manifestBytes = Base64.getDecoder().decode(body.path("manifest").asText());
            signature = Base64.getDecoder().decode(body.path("signature").asText());
        } catch (IOException | IllegalArgumentException e) {
            throw new UpdateCheckException("the answer of " + uri + " is not a signed manifest", e);
        }
        if (!verifies(manifestBytes, signature)) {
            // never act on, or even show, an unsigned or tampered manifest
            throw new UpdateCheckException("the update manifest's signature does not verify with "
                    + "update.manifestPublicKey: manifest ignored (wrong key in the provisioning file, or tampering)");
        }
        UpdateManifest manifest;
        try {
            manifest = JSON.readValue(manifestBytes, UpdateManifest.class);
            VersionNumber current = VersionNumber.parse(currentVersion);
            VersionNumber latest = VersionNumber.parse(manifest.latestVersion());
            boolean required = manifest.minimumVersion() != null
                    && current.compareTo(VersionNumber.parse(manifest.minimumVersion())) < 0;
            Status status = required ? Status.UPDATE_REQUIRED
                    : current.compareTo(latest) < 0 ? Status.UPDATE_AVAILABLE : Status.UP_TO_DATE;
            return new Result(status, currentVersion, manifest);
        } catch (IOException | RuntimeException e) {
            throw new UpdateCheckException("the signed manifest is malformed: " + e.getMessage(), e);
        }
    }

    private boolean verifies(byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(manifestKey);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
