package org.onewindow.cache.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkstationKeysTest {
    @TempDir
    Path dir;

    @Test
    void theKeystoreIsCreatedOnceAndLoadedAfterwards() throws Exception {
        Path p12 = dir.resolve("ws.p12");

        WorkstationKeys created = WorkstationKeys.loadOrCreate(p12, "pw".toCharArray(), "WS-0301");
        WorkstationKeys loaded = WorkstationKeys.loadOrCreate(p12, "pw".toCharArray(), "WS-0301");

        assertThat(loaded.keyId()).isEqualTo(created.keyId());
        assertThat(loaded.wrappingKey().getEncoded()).isEqualTo(created.wrappingKey().getEncoded());
        assertThat(loaded.wrappingKey().getEncoded()).hasSize(32);
        assertThat(loaded.publicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(loaded.certificate().getSubjectX500Principal().getName()).contains("CN=WS-0301");
    }

    @Test
    void creationLeavesOnlyTheKeystoreOwnerReadable() throws Exception {
        Path p12 = dir.resolve("ws.p12");

        WorkstationKeys.loadOrCreate(p12, "pw".toCharArray(), "WS-0301");

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("ws.p12");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p12))).isEqualTo("rw-------");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        Path p12 = dir.resolve("ws.p12");
        WorkstationKeys.loadOrCreate(p12, "pw".toCharArray(), "WS-0301");

        assertThatThrownBy(() -> WorkstationKeys.loadOrCreate(p12, "not-it".toCharArray(), "WS-0301"))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void theFolderConventionKeepsItsPasswordBesideTheKeystore() throws Exception {
        WorkstationKeys first = WorkstationKeys.openInFolder(dir.resolve("keys"), "WS-0301");
        WorkstationKeys again = WorkstationKeys.openInFolder(dir.resolve("keys"), "WS-0301");

        assertThat(again.keyId()).isEqualTo(first.keyId());
        Path password = dir.resolve("keys").resolve(WorkstationKeys.PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
        assertThat(Files.readString(password).trim()).hasSizeGreaterThanOrEqualTo(32);
    }
}
