package org.onewindow.client.provisioning;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Map;

/**
 * Writes a provisioning file in the schema's order, each key with its description, unset keys as
 * commented-out defaults. Atomic (temp file + move) so a half-written file never reaches a client;
 * readable by everyone, writable by its owner only (IT), so clerks cannot change settings.
 */
public final class ProvisioningWriter {
    /** The group the Linux package creates for the accounts that run the client. */
    public static final String CLIENT_GROUP = "onewindow";

    private ProvisioningWriter() {
    }

    public static String render(Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        b.append("# OneWindow workstation provisioning (UTF-8). One file per counter PC.\n")
                .append("# Check it with: onewindow provision validate <file>; see docs/it-deployment.md\n");
        for (ProvisioningKey key : ProvisioningSchema.keys()) {
            b.append('\n').append("# ").append(key.description());
            if (key.required()) {
                b.append(" [required]");
            }
            b.append('\n');
            String value = values.get(key.name());
            if (value != null && !value.isEmpty()) {
                b.append(key.name()).append('=').append(escape(value)).append('\n');
            } else {
                b.append('#').append(key.name()).append('=')
                        .append(key.defaultValue() != null ? escape(key.defaultValue()) : escape(key.example())).append('\n');
            }
        }
        return b.toString();
    }

    /** A template with examples for every key, for IT to copy and fill in. */
    public static String template() {
        Map<String, String> required = new java.util.LinkedHashMap<>();
        for (ProvisioningKey k : ProvisioningSchema.keys()) {
            if (k.required()) {
                required.put(k.name(), k.example());
            }
        }
        return render(required);
    }

    public static void write(Path file, Map<String, String> values) throws IOException {
        write(file, render(values));
    }

    public static void write(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".workstation", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(content);
            }
            restrict(tmp, holdsSecret(content));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean holdsSecret(String content) {
        for (ProvisioningKey k : ProvisioningSchema.keys()) {
            if (k.secret() && content.contains("\n" + k.name() + "=")) {
                return true;
            }
        }
        return false;
    }

    /**
     * rw-r--r--; when the file holds a secret (the PKCS#12 password, the bridge token) rw-r----- with group
     * onewindow, the group the installer makes for clerk accounts, so only the client's users can read it.
     */
    private static void restrict(Path file, boolean holdsSecret) throws IOException {
        try {
            boolean grouped = false;
            if (holdsSecret) {
                try {
                    GroupPrincipal group = file.getFileSystem().getUserPrincipalLookupService()
                            .lookupPrincipalByGroupName(CLIENT_GROUP);
                    Files.getFileAttributeView(file, PosixFileAttributeView.class).setGroup(group);
                    grouped = true;
                } catch (UserPrincipalNotFoundException e) {
                    grouped = false; // no installer group (a developer machine): keep it readable
                }
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(grouped ? "rw-r-----" : "rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Windows: %ProgramData% inherits "Users: read" and "Administrators: full control", the same lock
        }
    }

    private static String escape(String v) {
        StringBuilder b = new StringBuilder();
        for (char c : v.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
