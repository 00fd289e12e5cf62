package org.onewindow.verification.trust;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What offline verifiers consult: the last downloaded list (from the cache) merged with what IT imported
 * from files, and the maximum age beyond which offline verdicts are UNVERIFIABLE.
 */
public final class TrustStore {
    private final TrustListCache cache;
    private final List<TrustList> imported = new CopyOnWriteArrayList<>();
    private final Duration maxAge;

    public TrustStore(TrustListCache cache, Duration maxAge) {
        this.cache = cache;
        this.maxAge = maxAge;
    }

    /** A store holding only the given lists (the command line's --trust files, tests). */
    public static TrustStore of(Duration maxAge, TrustList... lists) {
        TrustStore s = new TrustStore(new InMemoryTrustListCache(), maxAge);
        for (TrustList l : lists) {
            s.addImported(l);
        }
        return s;
    }

    public void addImported(TrustList list) {
        imported.add(list);
    }

    public Duration maxAge() {
        return maxAge;
    }

    public TrustListCache cache() {
        return cache;
    }

    /** The merged view used for one verification. */
    public TrustList current() {
        TrustList merged = cache.load().orElse(TrustList.empty());
        for (TrustList l : imported) {
            merged = merged.merge(l);
        }
        return merged;
    }
}
