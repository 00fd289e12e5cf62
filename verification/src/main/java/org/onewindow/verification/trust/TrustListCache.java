package org.onewindow.verification.trust;

import java.util.Optional;

/**
 * Where the last verified trust list is kept between downloads. The in-memory one lives in verification;
 * a durable one belongs in offline-cache. Implementations store only lists whose signature was verified.
 */
public interface TrustListCache {
    Optional<TrustList> load();

    void store(TrustList list);
}
