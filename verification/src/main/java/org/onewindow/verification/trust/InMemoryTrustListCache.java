package org.onewindow.verification.trust;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link TrustListCache} for tests, the command line and a client without a disk cache. */
public final class InMemoryTrustListCache implements TrustListCache {
    private final AtomicReference<TrustList> list = new AtomicReference<>();

    @Override
    public Optional<TrustList> load() {
        return Optional.ofNullable(list.get());
    }

    @Override
    public void store(TrustList trustList) {
        list.set(trustList);
    }
}
