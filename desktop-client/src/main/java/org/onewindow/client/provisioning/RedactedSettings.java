package org.onewindow.client.provisioning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A provisioning file as it may be shown or shipped in a support bundle: secrets replaced. */
public final class RedactedSettings {
    public static final String REDACTED = "(secret, not shown)";

    private RedactedSettings() {
    }

    public static Map<String, String> of(Path file) throws IOException {
        Map<String, String> shown = new LinkedHashMap<>();
        ProvisioningLoader.read(file).forEach((k, v) -> shown.put(k, redact(k, v)));
        return shown;
    }

    static String redact(String key, String value) {
        // unknown keys may be misspelt secrets ("bridge.tokn"): hide anything that looks like one
        boolean unknown = ProvisioningSchema.key(key).isEmpty();
        boolean secretLike = ProvisioningSchema.isSecret(key)
                || unknown && ProvisioningSchema.closest(key).map(ProvisioningSchema::isSecret).orElse(false)
                || unknown && key.toLowerCase(java.util.Locale.ROOT).matches(".*(pass|pwd|token|secret|key|pin).*");
        return secretLike ? REDACTED : value;
    }

    public static String text(Map<String, String> shown) {
        StringBuilder b = new StringBuilder();
        shown.forEach((k, v) -> b.append(k).append('=').append(v).append(System.lineSeparator()));
        return b.toString();
    }
}
