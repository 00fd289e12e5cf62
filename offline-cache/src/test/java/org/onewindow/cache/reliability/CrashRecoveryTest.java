package org.onewindow.cache.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.cache.crypto.Hashes;
import org.onewindow.cache.crypto.WorkstationKeys;
import org.onewindow.cache.outbox.ChainVerifier;
import org.onewindow.cache.outbox.ManifestCodec;
import org.onewindow.cache.outbox.SqliteEvidenceStore;
import org.onewindow.cache.sync.SyncEngine;
import org.onewindow.core.evidence.EvidencePackage;
import org.onewindow.core.evidence.PackageState;
import org.onewindow.core.evidence.StoredPackage;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 of a child JVM at random moments while it commits and syncs packages, {@value #KILLS} times
 * against the same outbox folder and the same archive. Afterwards: every package the child reported
 * durable is present and intact, the database passes integrity_check, the hash chain holds, and after a
 * final sync the archive holds every package exactly once with the manifest the outbox signed.
 */
class CrashRecoveryTest {
    private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryTest.class);
    private static final int KILLS = 100;
    private static final int PACKAGES_PER_RUN = 1_000;

    @TempDir
    Path dir;
    private SandboxBackend sandbox;

    @BeforeEach
    void startArchive() throws Exception {
        sandbox = SandboxBackend.start(dir.resolve("sandbox"), 0);
    }

    @AfterEach
    void stopArchive() {
        sandbox.close();
    }

    @Test
    void nothingReportedDurableIsLostOrDuplicatedAcrossAHundredKills() throws Exception {
        long seed = System.nanoTime();
        LOG.info("crash test seed {}", seed);
        Random random = new Random(seed);
        Path data = dir.resolve("workstation");
        Map<String, String> durable = new ConcurrentHashMap<>();
        int killedBeforeReady = 0;
        prepareClassDataSharing();

        for (int run = 0; run < KILLS; run++) {
            Process child = startChild(data, run * PACKAGES_PER_RUN);
            // kill points follow the child's progress, not the clock, so a slow machine moves them too:
            // during start-up; after some commits (landing in the next commit); after some receipts (landing
            // among uploads, manifest commits and receipt bookkeeping); plus a random few milliseconds
            int mode = random.nextInt(10);
            Progress progress = new Progress(mode == 0 ? 0 : 1 + random.nextInt(4), mode >= 6 ? 1 + random.nextInt(3) : 0);
            Thread reader = readOutput(child, progress, durable);
            if (mode == 0) {
                killedBeforeReady++;
                progress.ready.await(random.nextInt(400), TimeUnit.MILLISECONDS);
            } else {
                assertThat(progress.ready.await(60, TimeUnit.SECONDS)).as("child %d started", run).isTrue();
                progress.reached.await(60, TimeUnit.SECONDS);
                Thread.sleep(random.nextInt(30));
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
        }
        LOG.info("{} kills ({} during start-up); {} packages reported durable, {} archived before the final sync",
                KILLS, killedBeforeReady, durable.size(), sandbox.archive().packageCount());
        // the kills really landed among commits and uploads, not only during start-up
        assertThat(durable).hasSizeGreaterThan(KILLS);
        int archivedByChildren = sandbox.archive().packageCount();
        assertThat(archivedByChildren).isPositive();

        WorkstationKeys keys = WorkstationKeys.openInFolder(data.resolve("keys"), "WS-CRASH");
        try (SqliteEvidenceStore store = SqliteEvidenceStore.open(data.resolve("outbox"), keys, Clock.systemUTC());
             HttpHallServices archive = new HttpHallServices(BackendConfig.of(sandbox.baseUri(), "WS-CRASH"))) {
            assertThat(store.integrityCheck()).isEqualTo("ok");
            assertThat(new ChainVerifier(keys.publicKey()).verify(store).firstBreak()).isNull();

            // every package reported durable is there, with the hash reported and its exact content
            for (Map.Entry<String, String> e : durable.entrySet()) {
                StoredPackage stored = store.find(e.getKey()).orElse(null);
                assertThat(stored).as("durable package %s", e.getKey()).isNotNull();
                assertThat(stored.packageHash()).isEqualTo(e.getValue());
                if (stored.state() == PackageState.PENDING) {
                    assertContentIntact(store, e.getKey());
                }
            }

            try (SyncEngine engine = SyncEngine.builder(store, archive).receiptKey(sandbox.receiptKey()).build()) {
                for (int pass = 0; pass < 5 && store.status().pending() > 0; pass++) {
                    engine.syncOnce();
                }
            }
            assertThat(store.status().pending()).isZero();
            assertThat(store.status().blocked()).isZero();

            List<StoredPackage> all = store.all();
            assertThat(all).hasSizeGreaterThanOrEqualTo(durable.size());
            assertThat(sandbox.archive().packageCount()).isEqualTo(all.size());
            for (StoredPackage p : all) {
                assertThat(p.state()).isEqualTo(PackageState.ARCHIVED);
                assertThat(p.receipt().manifestSha256()).isEqualTo(p.packageHash());
                JsonNode held = sandbox.archive().manifest(p.packageId());
                assertThat(Hashes.sha256Hex(ManifestCodec.canonical(held))).isEqualTo(p.packageHash());
            }
            assertThat(store.integrityCheck()).isEqualTo("ok");
        }
    }

    private static void assertContentIntact(SqliteEvidenceStore store, String packageId) throws Exception {
        EvidencePackage expected = CrashPackages.numbered(CrashPackages.number(packageId));
        List<byte[]> contents = store.readContents(packageId);
        assertThat(contents).hasSize(expected.items().size());
        for (int i = 0; i < contents.size(); i++) {
            assertThat(contents.get(i)).as("%s item %d", packageId, i).isEqualTo(expected.items().get(i).content());
        }
    }

    private String childClasspath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    private List<String> classDataOptions = List.of("-Xshare:auto");

    /**
     * A hundred JVM starts are most of this test's time, and most of a start is loading classes. One
     * warm-up child (its own folder and archive) records the classes it loads (AppCDS, which maps classes
     * from jars only, hence the class folders jarred first); the hundred children then map them. About a
     * quarter less CPU per child. Correctness does not depend on it: without the archive children start
     * as usual.
     */
    private void prepareClassDataSharing() throws Exception {
        String jarred = jarredClasspath();
        Path archive = dir.resolve("crash-worker.jsa");
        try (SandboxBackend warmUpArchive = SandboxBackend.start(dir.resolve("warm-up-sandbox"), 0)) {
            Process warmUp = new ProcessBuilder(childCommand(jarred, List.of("-XX:ArchiveClassesAtExit=" + archive),
                    dir.resolve("warm-up"), warmUpArchive.baseUri().toString(), 0, 3))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(warmUp.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null && !line.equals("DONE")) {
                    // wait until it has committed and synced a few packages
                }
                warmUp.destroy(); // SIGTERM: an orderly exit, which writes the archive
                assertThat(warmUp.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
        }
        if (java.nio.file.Files.exists(archive)) {
            childClasspath = jarred;
            classDataOptions = List.of("-XX:SharedArchiveFile=" + archive);
        } else {
            LOG.warn("no class-data archive was written: children start without it");
        }
    }

    private String jarredClasspath() throws java.io.IOException {
        Path jars = java.nio.file.Files.createDirectories(dir.resolve("class-jars"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : childClasspath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!java.nio.file.Files.isDirectory(path)) {
                entries.add(entry);
                continue;
            }
            Path jar = jars.resolve("classes-" + (n++) + ".jar");
            try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar));
                 var files = java.nio.file.Files.walk(path)) {
                for (Path f : (Iterable<Path>) files.filter(java.nio.file.Files::isRegularFile)::iterator) {
                    out.putNextEntry(new java.util.jar.JarEntry(path.relativize(f).toString().replace(File.separatorChar, '/')));
                    java.nio.file.Files.copy(f, out);
                    out.closeEntry();
                }
            }
            entries.add(jar.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private Process startChild(Path data, int firstPackage) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(childCommand(childClasspath, classDataOptions, data,
                sandbox.baseUri().toString(), firstPackage, PACKAGES_PER_RUN));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    private List<String> childCommand(String classpath, List<String> classData, Path data, String archiveUri,
                                      int firstPackage, int count) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath,
                // a quick start matters more than peak speed for a process that lives a second
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx256m",
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                // a killed child cannot delete its extracted SQLite library: keep that litter in the test folder
                "-Djava.io.tmpdir=" + childTmp()));
        command.addAll(classData);
        command.addAll(List.of(CrashWorker.class.getName(), data.toString(), archiveUri,
                Integer.toString(firstPackage), Integer.toString(count)));
        return command;
    }

    private String childTmp() {
        Path tmp = dir.resolve("child-tmp");
        try {
            java.nio.file.Files.createDirectories(tmp);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return tmp.toString();
    }

    /** What one child has reported so far; {@code reached} opens once it committed and archived enough. */
    private static final class Progress {
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch reached = new CountDownLatch(1);
        private int commitsToGo;
        private int receiptsToGo;

        Progress(int commits, int receipts) {
            this.commitsToGo = commits;
            this.receiptsToGo = receipts;
        }

        synchronized void committed() {
            commitsToGo--;
            check();
        }

        synchronized void archived() {
            receiptsToGo--;
            check();
        }

        private void check() {
            if (commitsToGo <= 0 && receiptsToGo <= 0) {
                reached.countDown();
            }
        }
    }

    private static Thread readOutput(Process child, Progress progress, Map<String, String> durable) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] parts = line.split(" ");
                    if (line.equals("READY")) {
                        progress.ready.countDown();
                    } else if (parts[0].equals("DURABLE") && parts.length == 3 && parts[2].length() == 64) {
                        durable.put(parts[1], parts[2]);
                        progress.committed();
                    } else if (parts[0].equals("ARCHIVED")) {
                        progress.archived();
                    }
                }
            } catch (java.io.IOException e) {
                // the child was killed mid-line: a torn last line is simply not counted
            }
        }, "crash-child-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
