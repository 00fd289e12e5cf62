package org.onewindow.verification.trust;

import java.util.Optional;

/**
 * Where the last verified trust list is kept between downloads. The in-memory one lives in verification;
 * a durable one belongs in offline-cache. Implementations store only lists whose signature was verified.
 */
public interface TrustListCache {
    Optional<TrustList> load();

    void store(TrustList list);

    /**
     * Stores a list together with the signed envelopes it came from (trust list under {@link #TRUST_LIST_BLOB},
     * each status list under its id). Caches that persist keep the envelopes and verify them again on load,
     * so a changed file on disk is not trusted; the default keeps only the parsed list.
     */
    default void storeSigned(TrustList list, java.util.Map<String, byte[]> envelopes) {
        store(list);
    }

    /** The blob name of the trust-list envelope among {@link #storeSigned}'s envelopes. */
    String TRUST_LIST_BLOB = "trust-list";
}
