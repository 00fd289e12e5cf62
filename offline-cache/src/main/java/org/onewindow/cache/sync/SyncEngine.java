package org.onewindow.cache.sync;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.onewindow.cache.outbox.OutgoingPackage;
import org.onewindow.cache.outbox.Outbox;
import org.onewindow.core.backend.ArchiveReceipt;
import org.onewindow.core.backend.ArchiveService;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.evidence.EvidenceStoreException;
import org.onewindow.core.evidence.OutboxStatus;
import org.onewindow.core.evidence.PackageState;
import org.onewindow.core.evidence.StoredPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox to the archive, oldest package first: each package's blobs (keyed by the SHA-256 of
 * their content, so re-sending is harmless), then its manifest, whose receipt must echo the hash of the
 * manifest sent — a receipt for anything else is an error, not success.
 *
 * <p>Failures: a transient one (unreachable, timeout, 5xx, a receipt that does not fit) leaves the package
 * PENDING with its next attempt after an exponential backoff with jitter, and ends the pass (the archive is
 * likely down for everyone); a rejection (4xx) makes it BLOCKED for IT to look at and the pass goes on. All
 * bookkeeping is in the outbox, so an interrupted workstation resumes where it stopped.
 *
 * <p>Use {@link #syncOnce()} from a test or a "sync now" action, or {@link #start()} for the background
 * schedule (one daemon thread, which also runs the retention purge and compaction).
 */
public final class SyncEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    private final Outbox outbox;
    private final ArchiveService archive;
    private final Clock clock;
    private final Backoff backoff;
    private final BandwidthLimiter limiter;
    private final Duration pollInterval;
    private final Duration housekeepingInterval;
    private final PublicKey receiptKey;
    private final List<SyncListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock passLock = new ReentrantLock();

    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> nextPass;
    private volatile Instant notBefore = Instant.MIN;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final int concurrency;
    private ExecutorService uploads;
    private volatile String lastError;
    private volatile boolean closed;

    private SyncEngine(Builder b) {
        this.outbox = b.outbox;
        this.archive = b.archive;
        this.clock = b.clock;
        this.backoff = new Backoff(b.backoffBase, b.backoffMax, b.random);
        this.limiter = b.limiter;
        this.pollInterval = b.pollInterval;
        this.housekeepingInterval = b.housekeepingInterval;
        this.receiptKey = b.receiptKey;
        this.concurrency = b.concurrency;
        this.listeners.addAll(b.listeners);
    }

    public static Builder builder(Outbox outbox, ArchiveService archive) {
        return new Builder(outbox, archive);
    }

    public void addListener(SyncListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(SyncListener listener) {
        listeners.remove(listener);
    }

    /** What the clerk's status bar shows: pending, blocked, oldest pending, last error, draining. */
    public OutboxStatus status() {
        return outbox.status();
    }

    /**
     * One pass over every due package, oldest first, on the calling thread; ignores the engine-wide backoff
     * (a person asked for it), not each package's next attempt time. Passes never overlap.
     */
    public SyncResult syncOnce() {
        passLock.lock();
        try {
            return pass();
        } finally {
            passLock.unlock();
        }
    }

    private SyncResult pass() {
        int archived = 0;
        int retried = 0;
        int blocked = 0;
        boolean stoppedEarly = false;
        outbox.reportSync(lastError, true);
        fire(l -> l.passStarted(outbox.status()));
        long afterSeq = 0;
        try {
            while (!closed) {
                // the next batch, oldest first; uploaded side by side, reported in order
                List<Outbox.DueRef> batch = new ArrayList<>(concurrency);
                Instant now = clock.instant();
                while (batch.size() < concurrency) {
                    Optional<Outbox.DueRef> due = outbox.nextDue(now, afterSeq);
                    if (due.isEmpty()) {
                        break;
                    }
                    batch.add(due.get());
                    afterSeq = due.get().seq();
                }
                if (batch.isEmpty()) {
                    break;
                }
                boolean retry = false;
                for (Outcome outcome : sendAll(batch)) {
                    outcome.report(this);
                    switch (outcome.kind()) {
                        case ARCHIVED -> archived++;
                        case BLOCKED -> blocked++;
                        case RETRY -> {
                            retried++;
                            retry = true;
                        }
                    }
                }
                if (retry) {
                    // the archive is likely down for everyone: wait for the backoff, not the next package
                    stoppedEarly = true;
                    break;
                }
            }
        } catch (EvidenceStoreException e) {
            // the local store failed (disk): nothing was lost, the next pass starts again from the oldest
            lastError = "local outbox error: " + e.getMessage();
            stoppedEarly = true;
            LOG.error("sync pass stopped: {}", e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stoppedEarly = true;
        } catch (RuntimeException e) {
            // a bug or an unexpected answer must not leave the status saying "draining" for ever
            lastError = "sync failed unexpectedly: " + e;
            stoppedEarly = true;
            LOG.error("sync pass failed", e);
        }
        outbox.reportSync(lastError, false);
        SyncResult result = new SyncResult(archived, retried, blocked, stoppedEarly, lastError);
        OutboxStatus status = outbox.status();
        fire(l -> l.passFinished(result, status));
        if (archived + retried + blocked > 0) {
            LOG.info("sync pass: {} archived, {} to retry, {} blocked; {} pending", archived, retried, blocked,
                    status.pending());
        }
        return result;
    }

    private List<Outcome> sendAll(List<Outbox.DueRef> batch) throws EvidenceStoreException, InterruptedException {
        if (batch.size() == 1) {
            return List.of(send(batch.get(0)));
        }
        List<Future<Outcome>> futures = new ArrayList<>(batch.size());
        ExecutorService pool = uploadPool();
        for (Outbox.DueRef ref : batch) {
            futures.add(pool.submit(() -> send(ref)));
        }
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        EvidenceStoreException storeFailure = null;
        for (Future<Outcome> f : futures) {
            try {
                outcomes.add(f.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof EvidenceStoreException se) {
                    storeFailure = se;
                } else if (e.getCause() instanceof InterruptedException ie) {
                    throw ie;
                } else if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                } else {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        if (storeFailure != null) {
            for (Outcome o : outcomes) {
                o.report(this);
            }
            throw storeFailure;
        }
        return outcomes;
    }

    private synchronized ExecutorService uploadPool() {
        if (uploads == null) {
            AtomicInteger n = new AtomicInteger();
            uploads = Executors.newFixedThreadPool(concurrency, r -> {
                Thread t = new Thread(r, "onewindow-sync-upload-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return uploads;
    }

    private enum OutcomeKind { ARCHIVED, RETRY, BLOCKED }

    /** How one package's attempt ended; reported to listeners in package order once its batch is done. */
    private record Outcome(OutcomeKind kind, StoredPackage stored, String error) {
        void report(SyncEngine engine) {
            switch (kind) {
                case ARCHIVED -> engine.fire(l -> l.packageArchived(stored));
                case BLOCKED -> engine.fire(l -> l.packageFailed(stored, error, true));
                case RETRY -> engine.fire(l -> l.packageFailed(stored, error, false));
            }
        }
    }

    private Outcome send(Outbox.DueRef ref) throws EvidenceStoreException, InterruptedException {
        OutgoingPackage pkg;
        try {
            pkg = outbox.load(ref.packageId());
        } catch (EvidenceStoreException e) {
            if (e.kind() == EvidenceStoreException.Kind.CRYPTO || e.kind() == EvidenceStoreException.Kind.CORRUPT) {
                // an unreadable package would stop the queue for ever: set it aside for IT
                return new Outcome(OutcomeKind.BLOCKED, outbox.markBlocked(ref.packageId(), e.getMessage()), e.getMessage());
            }
            throw e;
        }
        try {
            ArchiveReceipt receipt = upload(pkg);
            StoredPackage p = outbox.markArchived(pkg.packageId(), receipt);
            consecutiveFailures.set(0);
            notBefore = Instant.MIN;
            lastError = null;
            return new Outcome(OutcomeKind.ARCHIVED, p, null);
        } catch (BackendException e) {
            String error = describe(e);
            lastError = error;
            if (e.kind() == BackendException.Kind.REJECTED) {
                return new Outcome(OutcomeKind.BLOCKED, outbox.markBlocked(pkg.packageId(), error), error);
            }
            int failures = consecutiveFailures.incrementAndGet();
            Instant now = clock.instant();
            Instant next = now.plus(backoff.delayAfter(ref.attempts() + 1));
            notBefore = now.plus(backoff.delayAfter(failures));
            StoredPackage p = outbox.markRetry(pkg.packageId(), error, next);
            LOG.warn("package {} not archived yet (attempt {}): {}", pkg.packageId(), ref.attempts() + 1, error);
            return new Outcome(OutcomeKind.RETRY, p, error);
        }
    }

    /** Blobs first (skipping those the archive has, on a retry), then the manifest; checks the receipt. */
    private ArchiveReceipt upload(OutgoingPackage pkg) throws BackendException, InterruptedException {
        Set<String> sent = new HashSet<>();
        for (OutgoingPackage.Blob blob : pkg.blobs()) {
            if (!sent.add(blob.sha256())) {
                continue;
            }
            if (pkg.attempts() > 0 && archive.hasBlob(blob.sha256())) {
                continue;
            }
            limiter.acquire(blob.content().length);
            archive.putBlob(blob.sha256(), blob.content());
        }
        limiter.acquire(pkg.manifest().length);
        ArchiveReceipt receipt = archive.commitManifest(pkg.packageId(), pkg.manifest());
        if (receipt == null || !pkg.packageId().equals(receipt.packageId())) {
            throw new BackendException(BackendException.Kind.PROTOCOL, "the archive's receipt names another package");
        }
        if (!pkg.packageHash().equals(receipt.manifestSha256())) {
            throw new BackendException(BackendException.Kind.PROTOCOL,
                    "the archive's receipt is for a different manifest (hash mismatch); not counted as archived");
        }
        if (receiptKey != null && !receiptSignatureValid(receipt)) {
            throw new BackendException(BackendException.Kind.PROTOCOL, "the archive's receipt signature is invalid");
        }
        return receipt;
    }

    private boolean receiptSignatureValid(ArchiveReceipt r) {
        try {
            Signature s = Signature.getInstance(receiptKey.getAlgorithm());
            s.initVerify(receiptKey);
            s.update((r.packageId() + "|" + r.receiptNumber() + "|" + r.manifestSha256() + "|" + r.archivedAt())
                    .getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(r.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static final java.util.regex.Pattern CONTENT_HASH = java.util.regex.Pattern.compile("\\b[0-9a-f]{64}\\b");

    /**
     * The error in plain words, for the status bar, the outbox row and the log. Content hashes the archive
     * may quote (e.g. missing blobs) are cut out: the hash of guessable content such as ID-card text would
     * confirm a visit, and the outbox keeps those hashes encrypted for that reason.
     */
    static String describe(BackendException e) {
        return CONTENT_HASH.matcher(plainWords(e)).replaceAll("<sha256>");
    }

    private static String plainWords(BackendException e) {
        return switch (e.kind()) {
            case UNREACHABLE -> "archive unreachable: " + e.getMessage();
            case TIMEOUT -> "archive did not answer in time: " + e.getMessage();
            case SERVER_ERROR -> "archive failed: " + e.getMessage();
            case UNAUTHORIZED -> "archive refused this workstation: " + e.getMessage();
            case REJECTED -> "archive rejected the package: " + e.getMessage();
            case PROTOCOL -> "archive answered wrongly: " + e.getMessage();
        };
    }

    // ---------------------------------------------------------------- background schedule

    /**
     * Starts the background schedule: a pass now, then whenever a package is committed, and otherwise every
     * poll interval (later while the archive keeps failing); retention purge and compaction every
     * housekeeping interval.
     */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "onewindow-sync");
            t.setDaemon(true);
            return t;
        });
        outbox.addListener(this::onPackageChanged);
        scheduler.scheduleWithFixedDelay(this::housekeeping, housekeepingInterval.toMillis(),
                housekeepingInterval.toMillis(), TimeUnit.MILLISECONDS);
        schedulePass(Duration.ZERO);
    }

    /** Asks for a pass as soon as the engine-wide backoff allows. */
    public void syncSoon() {
        Duration wait = Duration.between(clock.instant(), notBefore);
        schedulePass(wait.isNegative() ? Duration.ZERO : wait);
    }

    private void onPackageChanged(StoredPackage p) {
        // a new (or retried-by-IT) package: no error yet. markRetry sets one and must not trigger a pass.
        if (p.state() == PackageState.PENDING && p.lastError() == null) {
            syncSoon();
        }
    }

    private synchronized void schedulePass(Duration delay) {
        if (scheduler == null || closed) {
            return;
        }
        if (nextPass != null && !nextPass.isDone()) {
            if (nextPass.getDelay(TimeUnit.MILLISECONDS) <= delay.toMillis()) {
                return;
            }
            nextPass.cancel(false);
        }
        nextPass = scheduler.schedule(this::scheduledPass, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scheduledPass() {
        Duration next = pollInterval;
        try {
            SyncResult result = syncOnce();
            Instant now = clock.instant();
            if (result.stoppedEarly() && notBefore.isAfter(now)) {
                next = Duration.between(now, notBefore);
            } else {
                Optional<Instant> due = outbox.nextAttemptAt();
                if (due.isPresent()) {
                    Duration untilDue = Duration.between(now, due.get());
                    next = untilDue.isNegative() ? Duration.ZERO : min(untilDue, pollInterval);
                }
            }
        } catch (EvidenceStoreException | RuntimeException e) {
            LOG.error("sync pass failed: {}", e.getMessage(), e);
        }
        synchronized (this) {
            nextPass = null;
        }
        schedulePass(next);
    }

    private void housekeeping() {
        try {
            int purged = outbox.purgeExpired();
            outbox.compact();
            fire(l -> l.housekeepingDone(purged));
        } catch (EvidenceStoreException | RuntimeException e) {
            LOG.warn("outbox housekeeping failed: {}", e.getMessage());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void fire(java.util.function.Consumer<SyncListener> event) {
        for (SyncListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("sync listener failed: {}", e.toString());
            }
        }
    }

    /** Stops the schedule; a pass in progress finishes its current package. Does not close the outbox. */
    @Override
    public void close() {
        closed = true;
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        ExecutorService u;
        synchronized (this) {
            u = uploads;
            uploads = null;
        }
        if (u != null) {
            u.shutdownNow();
        }
        if (s != null) {
            s.shutdownNow();
            try {
                s.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Engine settings; defaults suit a hall workstation. */
    public static final class Builder {
        private final Outbox outbox;
        private final ArchiveService archive;
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = RandomGenerator.getDefault();
        private Duration backoffBase = Duration.ofSeconds(2);
        private Duration backoffMax = Duration.ofMinutes(10);
        private BandwidthLimiter limiter = BandwidthLimiter.UNLIMITED;
        private Duration pollInterval = Duration.ofSeconds(30);
        private Duration housekeepingInterval = Duration.ofHours(1);
        private PublicKey receiptKey;
        private int concurrency = 4;
        private final List<SyncListener> listeners = new CopyOnWriteArrayList<>();

        private Builder(Outbox outbox, ArchiveService archive) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            this.archive = Objects.requireNonNull(archive, "archive");
        }

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        /** The jitter's source (a seeded one in tests). */
        public Builder random(RandomGenerator r) {
            this.random = Objects.requireNonNull(r);
            return this;
        }

        public Builder backoff(Duration base, Duration max) {
            this.backoffBase = base;
            this.backoffMax = max;
            return this;
        }

        /** Average upload cap in bytes per second; 0 or less: none. */
        public Builder bandwidthLimit(long bytesPerSecond) {
            this.limiter = BandwidthLimiter.of(bytesPerSecond);
            return this;
        }

        public Builder bandwidthLimiter(BandwidthLimiter l) {
            this.limiter = Objects.requireNonNull(l);
            return this;
        }

        public Builder pollInterval(Duration d) {
            this.pollInterval = d;
            return this;
        }

        public Builder housekeepingInterval(Duration d) {
            this.housekeepingInterval = d;
            return this;
        }

        /** The archive's receipt-signing public key: when set, receipts with a bad signature are refused. */
        public Builder receiptKey(PublicKey key) {
            this.receiptKey = key;
            return this;
        }

        /**
         * How many packages are uploaded side by side (default 4; 1 sends strictly one after the other).
         * Packages are still taken oldest first and reported in that order.
         */
        public Builder concurrency(int packagesInFlight) {
            if (packagesInFlight < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1");
            }
            this.concurrency = packagesInFlight;
            return this;
        }

        public Builder listener(SyncListener l) {
            this.listeners.add(Objects.requireNonNull(l));
            return this;
        }

        public SyncEngine build() {
            return new SyncEngine(this);
        }
    }
}
