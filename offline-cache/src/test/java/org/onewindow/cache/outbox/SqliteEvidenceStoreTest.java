package org.onewindow.cache.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.cache.crypto.CipherSuite;
import org.onewindow.cache.crypto.WorkstationKeys;
import org.onewindow.cache.testing.MutableClock;
import org.onewindow.cache.testing.TestKeys;
import org.onewindow.cache.testing.TestPackages;
import org.onewindow.core.backend.ArchiveReceipt;
import org.onewindow.core.evidence.EvidencePackage;
import org.onewindow.core.evidence.EvidenceStoreException;
import org.onewindow.core.evidence.StoredPackage;
import org.slf4j.LoggerFactory;

/** What only the SQLite outbox promises: privacy on disk, quotas, cipher suites, keystore binding, tampering. */
class SqliteEvidenceStoreTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.atDefaultStart();

    private SqliteEvidenceStore open(StoreOptions options) throws EvidenceStoreException {
        return SqliteEvidenceStore.open(dir, TestKeys.shared(), clock, options);
    }

    @Test
    void noCitizenDataInClearInTheOutboxFolderOrTheLogs() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        try (SqliteEvidenceStore store = open(StoreOptions.DEFAULTS.withRetention(Duration.ofDays(1)))) {
            for (int i = 0; i < 3; i++) {
                StoredPackage p = store.commit(TestPackages.small("p-" + i, "case-1", i));
                store.markRetry(p.packageId(), "archive failed", clock.instant());
            }
            store.markBlocked("p-2", "archive rejected the package");
            store.status();
        } finally {
            root.detachAppender(logs);
        }

        List<String> needles = List.of(TestPackages.CITIZEN.name(), TestPackages.CITIZEN.idNumber(),
                TestPackages.CITIZEN.address().substring(0, 6));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).contains(SqliteEvidenceStore.DATABASE_FILE);
        for (Path f : files) {
            String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String needle : needles) {
                String utf8 = new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                String utf16 = new String(needle.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1);
                assertThat(raw).as("%s must not hold citizen data", f.getFileName()).doesNotContain(utf8, utf16);
            }
        }
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            for (String needle : needles) {
                assertThat(event.getFormattedMessage()).doesNotContain(needle);
            }
        }
    }

    @Test
    void theCitizenDataIsReallyThereOnceDecrypted() throws Exception {
        // the counterpart of the privacy test: the needles it looks for do exist in what was committed
        try (SqliteEvidenceStore store = open(StoreOptions.DEFAULTS)) {
            store.commit(TestPackages.small("p-1", "case-1", 1));
            String cardText = new String(store.readContents("p-1").get(0), StandardCharsets.UTF_8);
            assertThat(cardText).contains(TestPackages.CITIZEN.name(), TestPackages.CITIZEN.idNumber());
            assertThat(new String(store.load("p-1").manifest(), StandardCharsets.UTF_8))
                    .contains(TestPackages.CITIZEN.idNumber());
        }
    }

    @Test
    void sm4PackagesRoundTripAndLiveBesideAesOnes() throws Exception {
        EvidencePackage aes = TestPackages.small("p-aes", "case-1", 1);
        EvidencePackage sm4 = TestPackages.small("p-sm4", "case-1", 2);
        try (SqliteEvidenceStore store = open(StoreOptions.DEFAULTS)) {
            store.commit(aes);
        }
        try (SqliteEvidenceStore store = open(StoreOptions.DEFAULTS.withCipherSuite(CipherSuite.SM4_GCM))) {
            store.commit(sm4);
            assertThat(store.readContents("p-sm4").get(3)).isEqualTo(sm4.items().get(3).content());
            assertThat(store.readContents("p-aes").get(3)).isEqualTo(aes.items().get(3).content());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteEvidenceStore.DATABASE_FILE));
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT package_id, suite FROM packages ORDER BY seq")) {
            List<String> suites = new ArrayList<>();
            while (rs.next()) {
                suites.add(rs.getString(1) + "=" + rs.getString(2));
            }
            assertThat(suites).containsExactly("p-aes=AES_256_GCM", "p-sm4=SM4_GCM");
        }
    }

    @Test
    void anOutboxWrittenUnderAnotherKeystoreIsRefusedAtOpen() throws Exception {
        try (SqliteEvidenceStore store = open(StoreOptions.DEFAULTS)) {
            store.commit(TestPackages.small("p-1", "case-1", 1));
        }
        WorkstationKeys other = WorkstationKeys.loadOrCreate(dir.resolve("keys/other.p12"), "x".toCharArray(), "WS-9");

        assertThatThrownBy(() -> SqliteEvidenceStore.open(dir, other, clock))
                .isInstanceOf(EvidenceStoreException.class)
                .extracting(e -> ((EvidenceStoreException) e).kind())
                .isEqualTo(EvidenceStoreException.Kind.CRYPTO);
    }

    @Test
    void aFullDiskIsAClearErrorAndNothingAlreadyCommittedIsLost() throws Exception {
        // the quota is SQLite's own page limit: the same SQLITE_FULL path as a full file system
        try (SqliteEvidenceStore store = open(StoreOptions.DEFAULTS.withMaxDatabaseBytes(400_000))) {
            List<StoredPackage> committed = new ArrayList<>();
            EvidenceStoreException failure = null;
            for (int i = 0; i < 50 && failure == null; i++) {
                try {
                    committed.add(store.commit(TestPackages.typical("p-" + i, "case-1", i, 2_000, 20_000, 30_000)));
                } catch (EvidenceStoreException e) {
                    failure = e;
                }
            }

            assertThat(failure).isNotNull();
            assertThat(failure.kind()).isEqualTo(EvidenceStoreException.Kind.DISK_FULL);
            assertThat(failure.messageKey()).isEqualTo("store.error.DISK_FULL");
            assertThat(failure.getMessage()).contains("full");
            assertThat(committed).isNotEmpty();
            String failedId = "p-" + committed.size();
            assertThat(store.find(failedId)).isEmpty();
            for (StoredPackage p : committed) {
                int seed = Integer.parseInt(p.packageId().substring(2));
                assertThat(store.readContents(p.packageId()).get(4))
                        .isEqualTo(TestPackages.typical(p.packageId(), "case-1", seed, 2_000, 20_000, 30_000)
                                .items().get(4).content());
            }
            assertThat(store.integrityCheck()).isEqualTo("ok");
            assertThat(new ChainVerifier(TestKeys.shared().publicKey()).verify(store).intact()).isTrue();
            assertThat(store.status().pending()).isEqualTo(committed.size());
        }
    }

    @Test
    void purgingAndCompactingGiveTheSpaceBack() throws Exception {
        try (SqliteEvidenceStore store = open(StoreOptions.DEFAULTS.withRetention(Duration.ofHours(1)))) {
            for (int i = 0; i < 10; i++) {
                StoredPackage p = store.commit(TestPackages.typical("p-" + i, "case-1", i, 2_000, 20_000, 30_000));
                store.markArchived(p.packageId(), new ArchiveReceipt(p.packageId(), "ARC-" + i, p.packageHash(),
                        Instant.parse("2026-11-29T09:00:00Z"), "sig"));
            }
            store.compact();
            long before = Files.size(dir.resolve(SqliteEvidenceStore.DATABASE_FILE));

            clock.advance(Duration.ofHours(1));
            assertThat(store.purgeExpired()).isEqualTo(10);
            store.compact();

            long after = Files.size(dir.resolve(SqliteEvidenceStore.DATABASE_FILE));
            assertThat(after).isLessThan(before / 4);
            assertThat(store.integrityCheck()).isEqualTo("ok");
            assertThat(store.findByCase("case-1")).hasSize(10).allSatisfy(p -> assertThat(p.receipt()).isNotNull());
            assertThat(new ChainVerifier(TestKeys.shared().publicKey()).verify(store).intact()).isTrue();
        }
    }

    @Test
    void alteredCiphertextCannotBeLoaded() throws Exception {
        try (SqliteEvidenceStore store = open(StoreOptions.DEFAULTS)) {
            store.commit(TestPackages.small("p-1", "case-1", 1));
        }
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            // flip the last byte of the photo's ciphertext (its GCM tag)
            s.executeUpdate("UPDATE blobs SET content = substr(content, 1, length(content) - 1) || "
                    + "CASE WHEN substr(content, -1) = x'00' THEN x'01' ELSE x'00' END WHERE ordinal = 1");
        }
        try (SqliteEvidenceStore store = open(StoreOptions.DEFAULTS)) {
            assertThatThrownBy(() -> store.load("p-1"))
                    .isInstanceOf(EvidenceStoreException.class)
                    .extracting(e -> ((EvidenceStoreException) e).kind())
                    .isEqualTo(EvidenceStoreException.Kind.CRYPTO);
        }
    }

    private Connection rawConnection() throws java.sql.SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteEvidenceStore.DATABASE_FILE));
    }

    @Test
    void theClientAndTheCliCanUseTheSameOutboxAtOnce() throws Exception {
        // the IT command opens its own connection while the client keeps its own open
        try (SqliteEvidenceStore client = open(StoreOptions.DEFAULTS);
             SqliteEvidenceStore cli = open(StoreOptions.DEFAULTS)) {
            StoredPackage first = client.commit(TestPackages.small("p-1", "case-1", 1));
            client.markBlocked("p-1", "archive rejected the package");

            assertThat(cli.retryBlocked("p-1")).isTrue();
            StoredPackage second = cli.commit(TestPackages.small("p-2", "case-1", 2));
            StoredPackage third = client.commit(TestPackages.small("p-3", "case-1", 3));

            assertThat(client.status().pending()).isEqualTo(3);
            assertThat(client.status().blocked()).isZero();
            assertThat(ManifestCodec.parse(client.load("p-2").manifest()).path("previousPackageHash").asText())
                    .isEqualTo(first.packageHash());
            assertThat(ManifestCodec.parse(client.load("p-3").manifest()).path("previousPackageHash").asText())
                    .isEqualTo(second.packageHash());
            assertThat(third.packageHash()).isNotEqualTo(second.packageHash());
            assertThat(new ChainVerifier(TestKeys.shared().publicKey()).verify(cli).intact()).isTrue();
        }
    }
}
