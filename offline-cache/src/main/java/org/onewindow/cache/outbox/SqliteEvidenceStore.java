package org.onewindow.cache.outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import org.onewindow.cache.crypto.CipherSuite;
import org.onewindow.cache.crypto.EnvelopeCrypto;
import org.onewindow.cache.crypto.Hashes;
import org.onewindow.cache.crypto.WorkstationKeys;
import org.onewindow.core.backend.ArchiveReceipt;
import org.onewindow.core.evidence.EvidenceItem;
import org.onewindow.core.evidence.EvidencePackage;
import org.onewindow.core.evidence.EvidenceStoreException;
import org.onewindow.core.evidence.EvidenceStoreException.Kind;
import org.onewindow.core.evidence.OutboxStatus;
import org.onewindow.core.evidence.PackageState;
import org.onewindow.core.evidence.StoredPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence outbox in one SQLite file ({@value #DATABASE_FILE}) in WAL mode.
 *
 * <p>Durability: {@link #commit} writes the signed manifest and every blob, encrypted, in <em>one</em>
 * transaction with {@code synchronous=FULL}, so when it returns the package is on disk whole (one fsync
 * of the WAL) and a crash at any earlier point leaves no trace of it. Blobs live inside the database
 * rather than in files beside it: one transaction, one fsync, no orphan files (docs/decisions/0007).
 * Sync bookkeeping (receipts, retries, purges) runs with {@code synchronous=NORMAL}: a receipt lost to a
 * power cut only means the package is sent again and the archive answers with the same receipt.
 *
 * <p>Privacy: the database holds no citizen data in the clear. Manifests and blobs are encrypted with a
 * per-package data key wrapped by the workstation key; even the blobs' content hashes stay inside the
 * encrypted manifest (a hash of guessable content such as ID-card text would confirm a visit). What is in
 * the clear: package id, case id, times, states, the package hash chain and the archive's receipts.
 *
 * <p>Threads: one connection under one lock; safe to call from any thread, never from the UI thread.
 */
public final class SqliteEvidenceStore implements Outbox {
    public static final String DATABASE_FILE = "outbox.db";
    private static final Logger LOG = LoggerFactory.getLogger(SqliteEvidenceStore.class);
    /** The archive's rule for package ids; checked here so a bad id fails at commit, not at sync. */
    private static final Pattern PACKAGE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_NOTADB = 26;
    /** WAL bytes (estimated) after which a background checkpoint copies them into the database file, when quiet. */
    private static final long CHECKPOINT_AFTER_BYTES = 32L << 20;
    /** How long nothing must have been written before that checkpoint runs. */
    private static final long CHECKPOINT_QUIET_NANOS = 500_000_000L;
    /** WAL bytes (estimated) after which the checkpoint runs even while writes keep coming. */
    private static final long CHECKPOINT_FORCE_BYTES = 64L << 20;
    /** Checkpoint passes at most, to catch up with the commits that came during the pass before. */
    private static final int CHECKPOINT_PASSES = 8;
    /**
     * WAL pages a write adds besides its blobs: the package row, its three indexes, the blob b-tree and its
     * index, page 1, the pointer map, free-list pages on a purge. Measured: a commit adds its blobs plus about
     * eleven 16 kB pages, receipt + purge about ten pages.
     */
    private static final int WRITE_OVERHEAD_PAGES = 12;

    private final Path folder;
    private final Connection connection;
    private final WorkstationKeys keys;
    private final EnvelopeCrypto crypto;
    private final Clock clock;
    private final StoreOptions options;
    private final ReentrantLock lock = new ReentrantLock();
    /** Statements prepared once and kept (under {@link #lock}): preparing costs more than running most of them. */
    private final java.util.Map<String, PreparedStatement> statements = new java.util.HashMap<>();
    /** The {@code synchronous} level the connection is at (null: unknown), so it is set only when it changes. */
    private Boolean synchronousFull;
    private final List<Consumer<StoredPackage>> listeners = new CopyOnWriteArrayList<>();
    private volatile String lastSyncError;
    private volatile boolean draining;
    private final Checkpointer checkpointer;

    private SqliteEvidenceStore(Path folder, Connection connection, WorkstationKeys keys, Clock clock,
                                StoreOptions options, long pageSize) {
        this.folder = folder;
        this.connection = connection;
        this.keys = keys;
        this.crypto = new EnvelopeCrypto(keys.wrappingKey());
        this.clock = clock;
        this.options = options;
        this.checkpointer = new Checkpointer(folder.resolve(DATABASE_FILE).toAbsolutePath(), pageSize);
    }

    /** Opens (creating when needed) the outbox in {@code folder} with the default options. */
    public static SqliteEvidenceStore open(Path folder, WorkstationKeys keys, Clock clock) throws EvidenceStoreException {
        return open(folder, keys, clock, StoreOptions.DEFAULTS);
    }

    public static SqliteEvidenceStore open(Path folder, WorkstationKeys keys, Clock clock, StoreOptions options)
            throws EvidenceStoreException {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(options, "options");
        Path file = folder.resolve(DATABASE_FILE).toAbsolutePath();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new EvidenceStoreException(Kind.IO, "cannot create the outbox folder " + folder, e);
        }
        Connection c = null;
        long pageSize;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = c.createStatement()) {
                // page size and auto_vacuum only take on a new database, before WAL and the first table:
                // 16 kB pages write a blob in a quarter of the WAL frames of the 4 kB default
                s.execute("PRAGMA page_size=16384");
                s.execute("PRAGMA auto_vacuum=INCREMENTAL");
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("PRAGMA foreign_keys=ON");
                // a purge zeroes deleted cells in place (the wrapped data key goes) without extra writes; the
                // blob ciphertext left in free pages is unreadable once its data key is gone (crypto-shredding)
                s.execute("PRAGMA secure_delete=FAST");
                // checkpoints run on a background connection, not inside a clerk's commit
                s.execute("PRAGMA wal_autocheckpoint=0");
                pageSize = queryLong(s, "PRAGMA page_size");
                if (options.maxDatabaseBytes() > 0) {
                    s.execute("PRAGMA max_page_count=" + Math.max(1, options.maxDatabaseBytes() / pageSize));
                }
                createSchema(s);
            }
            SqliteEvidenceStore store = new SqliteEvidenceStore(folder, c, keys, clock, options, pageSize);
            store.checkKeystoreMatches();
            store.warmUp();
            return store;
        } catch (SQLException e) {
            closeQuietly(c);
            throw storeError("cannot open the outbox " + file, e);
        } catch (EvidenceStoreException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void createSchema(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        s.execute("""
                CREATE TABLE IF NOT EXISTS packages (
                  seq INTEGER PRIMARY KEY AUTOINCREMENT,
                  package_id TEXT NOT NULL UNIQUE,
                  case_id TEXT,
                  state TEXT NOT NULL,
                  stored_at INTEGER NOT NULL,
                  package_hash TEXT NOT NULL,
                  previous_hash TEXT,
                  content_digest TEXT NOT NULL,
                  suite TEXT NOT NULL,
                  wrapped_key BLOB,
                  manifest BLOB,
                  attempts INTEGER NOT NULL DEFAULT 0,
                  next_attempt_at INTEGER NOT NULL DEFAULT 0,
                  last_error TEXT,
                  receipt_number TEXT,
                  receipt_sha256 TEXT,
                  receipt_archived_at TEXT,
                  receipt_signature TEXT,
                  receipted_at INTEGER,
                  purged_at INTEGER)""");
        s.execute("CREATE INDEX IF NOT EXISTS packages_by_state ON packages(state, seq)");
        s.execute("CREATE INDEX IF NOT EXISTS packages_by_case ON packages(case_id)");
        s.execute("""
                CREATE TABLE IF NOT EXISTS blobs (
                  package_seq INTEGER NOT NULL REFERENCES packages(seq),
                  ordinal INTEGER NOT NULL,
                  content BLOB NOT NULL,
                  PRIMARY KEY (package_seq, ordinal))""");
    }

    /** A database written under another keystore cannot be read: say so at start, not at the first sync. */
    private void checkKeystoreMatches() throws EvidenceStoreException, SQLException {
        String keyId = keys.keyId();
        lock.lock();
        try (PreparedStatement read = connection.prepareStatement("SELECT value FROM meta WHERE key = 'key_id'")) {
            try (ResultSet rs = read.executeQuery()) {
                if (rs.next()) {
                    if (!keyId.equals(rs.getString(1))) {
                        throw new EvidenceStoreException(Kind.CRYPTO, "the outbox in " + folder
                                + " was written with another workstation keystore (key " + rs.getString(1) + ")", null);
                    }
                    return;
                }
            }
            try (PreparedStatement write = connection.prepareStatement(
                    "INSERT OR IGNORE INTO meta(key, value) VALUES ('key_id', ?)")) {
                write.setString(1, keyId);
                write.executeUpdate();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the commit's crypto once on a throw-away probe: the first real commit would otherwise pay for
     * loading Jackson, ECDSA and the cipher (seconds on a busy machine), and a keystore that cannot sign or
     * wrap fails here, at start, rather than in front of a citizen.
     */
    private void warmUp() throws EvidenceStoreException {
        byte[] probeContent = new byte[64];
        EvidencePackage probe = new EvidencePackage("warm-up", null, null, null, null, null, "warm-up", Instant.EPOCH,
                List.of(new EvidenceItem("probe", "application/octet-stream", probeContent, null)), List.of());
        CipherSuite suite = options.cipherSuite();
        byte[] context = EnvelopeCrypto.context("warm-up", "manifest");
        try {
            byte[] manifest = ManifestCodec.sign(ManifestCodec.unsigned(probe,
                    List.of(new ManifestCodec.ItemDigest(Hashes.sha256Hex(probeContent), probeContent.length)), null),
                    keys.signingKey(), keys.keyId());
            SecretKey dataKey = crypto.newDataKey(suite);
            crypto.open(suite, crypto.unwrap(crypto.wrap(dataKey, "warm-up", suite), "warm-up", suite),
                    crypto.seal(suite, dataKey, manifest, context), context);
            ManifestCodec.parse(manifest);
        } catch (GeneralSecurityException | IOException e) {
            throw new EvidenceStoreException(Kind.CRYPTO, "the workstation keys cannot sign or encrypt: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- EvidenceStore

    @Override
    public StoredPackage commit(EvidencePackage evidence) throws EvidenceStoreException {
        Objects.requireNonNull(evidence, "evidence");
        if (!PACKAGE_ID.matcher(evidence.packageId()).matches()) {
            throw new IllegalArgumentException("package id must match " + PACKAGE_ID.pattern());
        }
        Objects.requireNonNull(evidence.workstation(), "workstation");
        // hashing and blob encryption need no lock: only the chain link does.
        // EvidenceItem.content() copies: take each item's bytes once.
        List<EvidenceItem> items = evidence.items();
        List<ManifestCodec.ItemDigest> digests = new ArrayList<>(items.size());
        List<byte[]> sealedBlobs = new ArrayList<>(items.size());
        CipherSuite suite = options.cipherSuite();
        SecretKey dataKey = crypto.newDataKey(suite);
        byte[] wrappedKey;
        try {
            for (int i = 0; i < items.size(); i++) {
                byte[] content = items.get(i).content();
                digests.add(new ManifestCodec.ItemDigest(Hashes.sha256Hex(content), content.length));
                sealedBlobs.add(crypto.seal(suite, dataKey, content, EnvelopeCrypto.context(evidence.packageId(), "blob/" + i)));
            }
            wrappedKey = crypto.wrap(dataKey, evidence.packageId(), suite);
        } catch (GeneralSecurityException e) {
            throw new EvidenceStoreException(Kind.CRYPTO, "cannot encrypt package " + evidence.packageId(), e);
        }
        // one manifest tree: without a predecessor its canonical form is the content digest (idempotency check);
        // under the lock it gets its chain link and is signed
        ObjectNode manifestTree = ManifestCodec.unsigned(evidence, digests, null);
        String contentDigest = Hashes.sha256Hex(ManifestCodec.canonical(manifestTree));

        StoredPackage stored;
        lock.lock();
        try {
            stored = inTransaction(true, () -> {
                StoredPackage existing = select(evidence.packageId());
                if (existing != null) {
                    if (!contentDigest.equals(contentDigestOf(evidence.packageId()))) {
                        throw new IllegalArgumentException("package id " + evidence.packageId()
                                + " is already stored with different content");
                    }
                    return existing;
                }
                String previous = lastPackageHash();
                byte[] manifest;
                byte[] sealedManifest;
                try {
                    manifestTree.put("previousPackageHash", previous);
                    manifest = ManifestCodec.sign(manifestTree, keys.signingKey(), keys.keyId());
                    sealedManifest = crypto.seal(suite, dataKey, manifest,
                            EnvelopeCrypto.context(evidence.packageId(), "manifest"));
                } catch (GeneralSecurityException e) {
                    throw new CryptoFailure(e);
                }
                String packageHash = Hashes.sha256Hex(manifest);
                long storedAt = clock.millis();
                PreparedStatement row = prepared("""
                        INSERT INTO packages(package_id, case_id, state, stored_at, package_hash, previous_hash,
                          content_digest, suite, wrapped_key, manifest) VALUES (?,?,?,?,?,?,?,?,?,?)""");
                row.setString(1, evidence.packageId());
                row.setString(2, evidence.caseId());
                row.setString(3, PackageState.PENDING.name());
                row.setLong(4, storedAt);
                row.setString(5, packageHash);
                row.setString(6, previous);
                row.setString(7, contentDigest);
                row.setString(8, suite.name());
                row.setBytes(9, wrappedKey);
                row.setBytes(10, sealedManifest);
                row.executeUpdate();
                long seq;
                try (ResultSet rs = prepared("SELECT last_insert_rowid()").executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                }
                PreparedStatement blob = prepared("INSERT INTO blobs(package_seq, ordinal, content) VALUES (?,?,?)");
                for (int i = 0; i < sealedBlobs.size(); i++) {
                    blob.setLong(1, seq);
                    blob.setInt(2, i);
                    blob.setBytes(3, sealedBlobs.get(i));
                    blob.executeUpdate();
                }
                // what select(packageId) would read back, without reading it back
                return new StoredPackage(evidence.packageId(), evidence.caseId(), PackageState.PENDING,
                        Instant.ofEpochMilli(storedAt), packageHash, null, null);
            });
        } catch (CryptoFailure e) {
            throw new EvidenceStoreException(Kind.CRYPTO, "cannot sign package " + evidence.packageId(), e.getCause());
        } finally {
            lock.unlock();
        }
        long blobBytes = wrappedKey.length;
        for (byte[] b : sealedBlobs) {
            blobBytes += b.length;
        }
        checkpointer.written(blobBytes);
        LOG.debug("package {} stored locally ({} items)", stored.packageId(), items.size());
        notifyListeners(stored);
        return stored;
    }

    @Override
    public Optional<StoredPackage> find(String packageId) throws EvidenceStoreException {
        return Optional.ofNullable(read(() -> select(packageId)));
    }

    @Override
    public List<StoredPackage> findByCase(String caseId) throws EvidenceStoreException {
        return read(() -> selectMany("WHERE case_id = ? ORDER BY seq", caseId));
    }

    /** Every package the outbox knows, oldest first (purged ones keep their receipt): for IT and tests. */
    public List<StoredPackage> all() throws EvidenceStoreException {
        return read(() -> selectMany("ORDER BY seq"));
    }

    @Override
    public List<StoredPackage> blocked() throws EvidenceStoreException {
        return read(() -> selectMany("WHERE state = 'BLOCKED' ORDER BY seq"));
    }

    @Override
    public boolean retryBlocked(String packageId) throws EvidenceStoreException {
        StoredPackage changed = write(false, () -> {
            PreparedStatement ps = prepared("""
                    UPDATE packages SET state = 'PENDING', attempts = 0, next_attempt_at = 0, last_error = NULL
                    WHERE package_id = ? AND state = 'BLOCKED'""");
            ps.setString(1, packageId);
            return ps.executeUpdate() == 1 ? select(packageId) : null;
        });
        if (changed == null) {
            return false;
        }
        LOG.info("blocked package {} put back in the queue", packageId);
        notifyListeners(changed);
        return true;
    }

    @Override
    public OutboxStatus status() {
        try {
            return read(() -> {
                try (Statement s = connection.createStatement();
                     ResultSet rs = s.executeQuery("""
                             SELECT COALESCE(SUM(state = 'PENDING'), 0), COALESCE(SUM(state = 'BLOCKED'), 0),
                                    MIN(CASE WHEN state = 'PENDING' THEN stored_at END)
                             FROM packages WHERE state IN ('PENDING', 'BLOCKED')""")) {
                    rs.next();
                    long oldest = rs.getLong(3);
                    Instant oldestPending = rs.wasNull() ? null : Instant.ofEpochMilli(oldest);
                    return new OutboxStatus(rs.getInt(1), rs.getInt(2), oldestPending, lastSyncError, draining);
                }
            });
        } catch (EvidenceStoreException e) {
            // status feeds a display: report the failure there instead of throwing at the UI
            LOG.warn("cannot read outbox status: {}", e.getMessage());
            return new OutboxStatus(0, 0, null, e.getMessage(), draining);
        }
    }

    @Override
    public void addListener(Consumer<StoredPackage> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<StoredPackage> listener) {
        listeners.remove(listener);
    }

    // ---------------------------------------------------------------- Outbox (sync side)

    @Override
    public Optional<DueRef> nextDue(Instant now, long afterSeq) throws EvidenceStoreException {
        return Optional.ofNullable(read(() -> {
            PreparedStatement ps = prepared("""
                    SELECT seq, package_id, attempts FROM packages
                    WHERE state = 'PENDING' AND seq > ? AND next_attempt_at <= ? ORDER BY seq LIMIT 1""");
            ps.setLong(1, afterSeq);
            ps.setLong(2, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new DueRef(rs.getLong(1), rs.getString(2), rs.getInt(3)) : null;
            }
        }));
    }

    @Override
    public Optional<Instant> nextAttemptAt() throws EvidenceStoreException {
        return Optional.ofNullable(read(() -> {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MIN(next_attempt_at) FROM packages WHERE state = 'PENDING'")) {
                rs.next();
                long at = rs.getLong(1);
                return rs.wasNull() ? null : Instant.ofEpochMilli(at);
            }
        }));
    }

    @Override
    public OutgoingPackage load(String packageId) throws EvidenceStoreException {
        Sealed sealed = read(() -> readSealed(packageId));
        if (sealed == null) {
            throw new EvidenceStoreException(Kind.IO, "package " + packageId + " holds no local copy", null);
        }
        try {
            Opened opened = open(sealed);
            List<String> hashes = ManifestCodec.itemHashes(ManifestCodec.parse(opened.manifest()));
            if (hashes.size() != opened.blobs().size()) {
                throw new EvidenceStoreException(Kind.CORRUPT, "package " + packageId + " names "
                        + hashes.size() + " items but holds " + opened.blobs().size(), null);
            }
            List<OutgoingPackage.Blob> blobs = new ArrayList<>(hashes.size());
            for (int i = 0; i < hashes.size(); i++) {
                blobs.add(new OutgoingPackage.Blob(hashes.get(i), opened.blobs().get(i)));
            }
            return new OutgoingPackage(sealed.seq(), packageId, sealed.packageHash(), opened.manifest(), blobs,
                    sealed.attempts());
        } catch (GeneralSecurityException e) {
            throw new EvidenceStoreException(Kind.CRYPTO, "package " + packageId
                    + " cannot be decrypted (another keystore, or the database was altered)", e);
        } catch (IOException e) {
            throw new EvidenceStoreException(Kind.CORRUPT, "package " + packageId + " has an unreadable manifest", e);
        }
    }

    @Override
    public StoredPackage markArchived(String packageId, ArchiveReceipt receipt) throws EvidenceStoreException {
        boolean purgeNow = options.retention().isZero();
        StoredPackage changed = write(false, () -> {
            long now = clock.millis();
            PreparedStatement ps = prepared("""
                    UPDATE packages SET state = 'ARCHIVED', last_error = NULL, receipt_number = ?, receipt_sha256 = ?,
                      receipt_archived_at = ?, receipt_signature = ?, receipted_at = ?
                    WHERE package_id = ? AND state <> 'ARCHIVED'""");
            ps.setString(1, receipt.receiptNumber());
            ps.setString(2, receipt.manifestSha256());
            ps.setString(3, receipt.archivedAt() == null ? null : receipt.archivedAt().toString());
            ps.setString(4, receipt.signature());
            ps.setLong(5, now);
            ps.setString(6, packageId);
            ps.executeUpdate();
            if (purgeNow) {
                purge(packageId, now);
            }
            return select(packageId);
        });
        notifyListeners(changed);
        return changed;
    }

    @Override
    public StoredPackage markRetry(String packageId, String error, Instant nextAttemptAt) throws EvidenceStoreException {
        StoredPackage changed = write(false, () -> {
            PreparedStatement ps = prepared("""
                    UPDATE packages SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                    WHERE package_id = ? AND state = 'PENDING'""");
            ps.setLong(1, nextAttemptAt.toEpochMilli());
            ps.setString(2, error);
            ps.setString(3, packageId);
            ps.executeUpdate();
            return select(packageId);
        });
        notifyListeners(changed);
        return changed;
    }

    @Override
    public StoredPackage markBlocked(String packageId, String error) throws EvidenceStoreException {
        StoredPackage changed = write(false, () -> {
            PreparedStatement ps = prepared("""
                    UPDATE packages SET state = 'BLOCKED', attempts = attempts + 1, last_error = ?
                    WHERE package_id = ? AND state = 'PENDING'""");
            ps.setString(1, error);
            ps.setString(2, packageId);
            ps.executeUpdate();
            return select(packageId);
        });
        LOG.warn("package {} blocked: {}", packageId, error);
        notifyListeners(changed);
        return changed;
    }

    @Override
    public void reportSync(String lastError, boolean draining) {
        this.lastSyncError = lastError;
        this.draining = draining;
    }

    @Override
    public int purgeExpired() throws EvidenceStoreException {
        long cutoff = clock.millis() - options.retention().toMillis();
        int purged = write(false, () -> {
            List<String> due = new ArrayList<>();
            PreparedStatement ps = prepared("""
                    SELECT package_id FROM packages
                    WHERE state = 'ARCHIVED' AND purged_at IS NULL AND receipted_at <= ?""");
            ps.setLong(1, cutoff);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(rs.getString(1));
                }
            }
            long now = clock.millis();
            for (String id : due) {
                purge(id, now);
            }
            return due.size();
        });
        if (purged > 0) {
            LOG.info("purged the local copies of {} archived packages", purged);
        }
        return purged;
    }

    @Override
    public void compact() throws EvidenceStoreException {
        write(false, () -> {
            // sqlite-jdbc steps this pragma once, and one step frees one page: repeat it inside one transaction
            try (Statement s = connection.createStatement()) {
                long free = queryLong(s, "PRAGMA freelist_count");
                for (long i = 0; i < free; i++) {
                    s.execute("PRAGMA incremental_vacuum(1)");
                }
            }
            return null;
        });
        lock.lock();
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw storeError("cannot checkpoint the outbox", e);
        } finally {
            lock.unlock();
        }
    }

    private void purge(String packageId, long now) throws SQLException {
        PreparedStatement blobs = prepared(
                "DELETE FROM blobs WHERE package_seq = (SELECT seq FROM packages WHERE package_id = ?)");
        PreparedStatement row = prepared(
                "UPDATE packages SET manifest = NULL, wrapped_key = NULL, purged_at = ? WHERE package_id = ?");
        blobs.setString(1, packageId);
        blobs.executeUpdate();
        row.setLong(1, now);
        row.setString(2, packageId);
        row.executeUpdate();
    }

    // ---------------------------------------------------------------- for the chain verifier and tests

    /** One link of the workstation's hash chain, with the local copy when it has not been purged. */
    record ChainLink(long seq, String packageId, String packageHash, String previousHash, String receiptSha256,
                     byte[] manifest, String manifestError) {
    }

    /** Every link in order; manifests decrypted (or the reason they could not be). */
    List<ChainLink> chainLinks() throws EvidenceStoreException {
        List<Sealed> rows = read(() -> {
            List<Sealed> out = new ArrayList<>();
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("""
                         SELECT seq, package_id, package_hash, previous_hash, receipt_sha256, suite, wrapped_key,
                                manifest, attempts FROM packages ORDER BY seq""")) {
                while (rs.next()) {
                    out.add(new Sealed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getBytes(8), List.of(),
                            rs.getInt(9)));
                }
            }
            return out;
        });
        List<ChainLink> links = new ArrayList<>(rows.size());
        for (Sealed row : rows) {
            byte[] manifest = null;
            String error = null;
            if (row.sealedManifest() != null) {
                try {
                    SecretKey dataKey = crypto.unwrap(row.wrappedKey(), row.packageId(), CipherSuite.valueOf(row.suite()));
                    manifest = crypto.open(CipherSuite.valueOf(row.suite()), dataKey, row.sealedManifest(),
                            EnvelopeCrypto.context(row.packageId(), "manifest"));
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    error = "manifest cannot be decrypted (altered, or another keystore)";
                }
            }
            links.add(new ChainLink(row.seq(), row.packageId(), row.packageHash(), row.previousHash(),
                    row.receiptSha256(), manifest, error));
        }
        return links;
    }

    /** The decrypted item contents of a package still held locally, in manifest order (tests, IT export). */
    public List<byte[]> readContents(String packageId) throws EvidenceStoreException {
        return load(packageId).blobs().stream().map(OutgoingPackage.Blob::content).toList();
    }

    /** {@code PRAGMA integrity_check}: "ok" when the file is sound. */
    public String integrityCheck() throws EvidenceStoreException {
        return read(() -> {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                StringBuilder out = new StringBuilder();
                while (rs.next()) {
                    out.append(out.length() == 0 ? "" : "\n").append(rs.getString(1));
                }
                return out.toString();
            }
        });
    }

    public WorkstationKeys keys() {
        return keys;
    }

    public Path folder() {
        return folder;
    }

    public StoreOptions options() {
        return options;
    }

    @Override
    public void close() {
        checkpointer.close();
        lock.lock();
        try {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
            statements.clear();
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the outbox: {}", e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- plumbing

    private record Sealed(long seq, String packageId, String packageHash, String previousHash, String receiptSha256,
                          String suite, byte[] wrappedKey, byte[] sealedManifest, List<byte[]> sealedBlobs,
                          int attempts) {
    }

    private record Opened(byte[] manifest, List<byte[]> blobs) {
    }

    private Sealed readSealed(String packageId) throws SQLException {
        Sealed head;
        PreparedStatement ps = prepared("""
                SELECT seq, package_hash, previous_hash, receipt_sha256, suite, wrapped_key, manifest, attempts
                FROM packages WHERE package_id = ?""");
        ps.setString(1, packageId);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            head = new Sealed(rs.getLong(1), packageId, rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getBytes(6), rs.getBytes(7), List.of(), rs.getInt(8));
        }
        if (head.sealedManifest() == null) {
            return null;
        }
        List<byte[]> blobs = new ArrayList<>();
        PreparedStatement blobQuery = prepared("SELECT content FROM blobs WHERE package_seq = ? ORDER BY ordinal");
        blobQuery.setLong(1, head.seq());
        try (ResultSet rs = blobQuery.executeQuery()) {
            while (rs.next()) {
                blobs.add(rs.getBytes(1));
            }
        }
        return new Sealed(head.seq(), packageId, head.packageHash(), head.previousHash(), head.receiptSha256(),
                head.suite(), head.wrappedKey(), head.sealedManifest(), blobs, head.attempts());
    }

    private Opened open(Sealed sealed) throws GeneralSecurityException {
        CipherSuite suite;
        try {
            suite = CipherSuite.valueOf(sealed.suite());
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("unknown cipher suite " + sealed.suite());
        }
        SecretKey dataKey = crypto.unwrap(sealed.wrappedKey(), sealed.packageId(), suite);
        byte[] manifest = crypto.open(suite, dataKey, sealed.sealedManifest(),
                EnvelopeCrypto.context(sealed.packageId(), "manifest"));
        List<byte[]> blobs = new ArrayList<>(sealed.sealedBlobs().size());
        for (int i = 0; i < sealed.sealedBlobs().size(); i++) {
            blobs.add(crypto.open(suite, dataKey, sealed.sealedBlobs().get(i),
                    EnvelopeCrypto.context(sealed.packageId(), "blob/" + i)));
        }
        return new Opened(manifest, blobs);
    }

    private String lastPackageHash() throws SQLException {
        try (ResultSet rs = prepared("SELECT package_hash FROM packages ORDER BY seq DESC LIMIT 1").executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * The statement for {@code sql}, prepared on first use and kept until {@link #close}. Callers hold
     * {@link #lock}, set every parameter and close the result sets they open (which resets the statement).
     */
    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    private String contentDigestOf(String packageId) throws SQLException {
        PreparedStatement ps = prepared("SELECT content_digest FROM packages WHERE package_id = ?");
        ps.setString(1, packageId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static final String COLUMNS = """
            SELECT package_id, case_id, state, stored_at, package_hash, last_error, receipt_number, receipt_sha256,
                   receipt_archived_at, receipt_signature FROM packages\s""";

    private StoredPackage select(String packageId) throws SQLException {
        List<StoredPackage> found = selectMany("WHERE package_id = ?", packageId);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<StoredPackage> selectMany(String where, String... params) throws SQLException {
        PreparedStatement ps = prepared(COLUMNS + where);
        for (int i = 0; i < params.length; i++) {
            ps.setString(i + 1, params[i]);
        }
        List<StoredPackage> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ArchiveReceipt receipt = null;
                if (rs.getString(7) != null) {
                    String archivedAt = rs.getString(9);
                    receipt = new ArchiveReceipt(rs.getString(1), rs.getString(7), rs.getString(8),
                            archivedAt == null ? null : Instant.parse(archivedAt), rs.getString(10));
                }
                out.add(new StoredPackage(rs.getString(1), rs.getString(2), PackageState.valueOf(rs.getString(3)),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), receipt, rs.getString(6)));
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Thrown inside a transaction to carry a crypto failure out of the SQL-only work signature. */
    private static final class CryptoFailure extends RuntimeException {
        CryptoFailure(GeneralSecurityException cause) {
            super(cause);
        }
    }

    private <T> T read(Work<T> work) throws EvidenceStoreException {
        lock.lock();
        try {
            return work.run();
        } catch (SQLException e) {
            throw storeError("outbox read failed", e);
        } finally {
            lock.unlock();
        }
    }

    private <T> T write(boolean durable, Work<T> work) throws EvidenceStoreException {
        lock.lock();
        try {
            return inTransaction(durable, work);
        } finally {
            lock.unlock();
            checkpointer.written(0);
        }
    }

    /**
     * Runs {@code work} in one IMMEDIATE transaction (the write lock is taken up front, so another process
     * such as the CLI cannot slip a package into the chain in between). {@code durable}: fsync at commit.
     */
    private <T> T inTransaction(boolean durable, Work<T> work) throws EvidenceStoreException {
        try {
            if (!Boolean.valueOf(durable).equals(synchronousFull)) {
                synchronousFull = null;
                prepared(durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL").execute();
                synchronousFull = durable;
            }
            prepared("BEGIN IMMEDIATE").execute();
            try {
                T result = work.run();
                prepared("COMMIT").execute();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            }
        } catch (SQLException e) {
            throw storeError("outbox write failed", e);
        }
    }

    private void rollbackQuietly() {
        try {
            prepared("ROLLBACK").execute();
        } catch (SQLException e) {
            // SQLite may already have rolled back (e.g. after SQLITE_FULL): nothing left to undo
        }
    }

    static EvidenceStoreException storeError(String what, SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        Kind kind = switch (primary) {
            case SQLITE_FULL -> Kind.DISK_FULL;
            case SQLITE_CORRUPT, SQLITE_NOTADB -> Kind.CORRUPT;
            default -> Kind.IO;
        };
        String message = kind == Kind.DISK_FULL
                ? what + ": the disk or the outbox quota is full; nothing already stored is lost"
                : what + ": " + e.getMessage();
        return new EvidenceStoreException(kind, message, e);
    }

    private static long queryLong(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // already failing: the first error is the one to report
            }
        }
    }

    private void notifyListeners(StoredPackage changed) {
        if (changed == null) {
            return;
        }
        for (Consumer<StoredPackage> l : listeners) {
            try {
                l.accept(changed);
            } catch (RuntimeException e) {
                LOG.warn("outbox listener failed: {}", e.toString());
            }
        }
    }

    /**
     * Copies the WAL into the database file on its own connection and thread, at a quiet moment. Once
     * {@link #CHECKPOINT_AFTER_BYTES} have been written, the checkpoint waits until nothing has been written
     * for {@link #CHECKPOINT_QUIET_NANOS}: a clerk's commits are minutes apart, so it runs between them and its
     * writes and fsync of the database file do not compete with a commit's fsync. Under continuous writing
     * (a drain, a burst, the benchmark) it runs anyway once {@link #CHECKPOINT_FORCE_BYTES} have piled up, so
     * the WAL stays bounded. A PASSIVE checkpoint never blocks the writer.
     */
    private static final class Checkpointer {
        private final String url;
        private final long overheadBytes;
        private final java.util.concurrent.atomic.AtomicLong pending = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicBoolean queued = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile long lastWrite = System.nanoTime();
        private java.util.concurrent.ScheduledThreadPoolExecutor thread;
        private Connection connection;
        private boolean closed;

        Checkpointer(Path databaseFile, long pageSize) {
            this.url = "jdbc:sqlite:" + databaseFile;
            this.overheadBytes = WRITE_OVERHEAD_PAGES * pageSize;
        }

        /** One write transaction committed, with {@code blobBytes} of blobs (0 for bookkeeping). */
        void written(long blobBytes) {
            lastWrite = System.nanoTime();
            if (pending.addAndGet(blobBytes + overheadBytes) >= CHECKPOINT_AFTER_BYTES
                    && queued.compareAndSet(false, true)) {
                schedule(CHECKPOINT_QUIET_NANOS);
            }
        }

        private synchronized void schedule(long delayNanos) {
            if (closed) {
                return;
            }
            if (thread == null) {
                thread = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
                    Thread t = new Thread(r, "onewindow-outbox-checkpoint");
                    t.setDaemon(true);
                    return t;
                });
                // at close a checkpoint still waiting for quiet is dropped: SQLite checkpoints as the last
                // connection closes
                thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            }
            thread.schedule(this::whenQuiet, delayNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }

        private void whenQuiet() {
            long quietFor = System.nanoTime() - lastWrite;
            if (quietFor < CHECKPOINT_QUIET_NANOS && pending.get() < CHECKPOINT_FORCE_BYTES) {
                schedule(CHECKPOINT_QUIET_NANOS - quietFor);
                return;
            }
            checkpoint();
        }

        private void checkpoint() {
            pending.set(0);
            queued.set(false);
            try {
                if (connection == null) {
                    connection = DriverManager.getConnection(url);
                    try (Statement s = connection.createStatement()) {
                        s.execute("PRAGMA busy_timeout=10000");
                    }
                }
                // frames committed while a checkpoint copies are left for the next pass; a few passes catch up
                // (each copies only what came during the one before), and once every frame is in the database
                // file the next commit writes the WAL from its start again instead of growing it
                try (Statement s = connection.createStatement()) {
                    int previousLog = -1;
                    for (int pass = 0; pass < CHECKPOINT_PASSES; pass++) {
                        try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                            rs.next();
                            // busy, or no frame came since the pass before: nothing left to catch up with
                            if (rs.getInt(1) != 0 || rs.getInt(2) == previousLog) {
                                break;
                            }
                            previousLog = rs.getInt(2);
                        }
                    }
                }
            } catch (SQLException e) {
                // the next checkpoint (or SQLite at close) catches up; the WAL only grows meanwhile
                LOG.warn("background checkpoint failed: {}", e.getMessage());
            }
        }

        void close() {
            java.util.concurrent.ExecutorService t;
            synchronized (this) {
                closed = true;
                t = thread;
            }
            if (t != null) {
                t.shutdown();
                try {
                    t.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            closeQuietly(connection);
        }
    }
}
