package org.onewindow.verification.trust;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TrustListCache} over a durable blob store (offline-cache's {@code SqliteTrustDataStore} in the
 * client): it persists the signed envelopes and, on load, verifies them again with the trust-list signer
 * key, so trust data survives restarts and a changed file is refused, not trusted. Wire it as
 * {@code PersistentTrustListCache.over(store::loadAll, store::replaceAll, signerKey)}.
 */
public final class PersistentTrustListCache implements TrustListCache {
    private static final Logger LOG = LoggerFactory.getLogger(PersistentTrustListCache.class);

    private final Supplier<Map<String, byte[]>> load;
    private final Consumer<Map<String, byte[]>> save;
    private final PublicKey signer;
    private final AtomicReference<TrustList> current = new AtomicReference<>();
    private volatile boolean loaded;

    private PersistentTrustListCache(Supplier<Map<String, byte[]>> load, Consumer<Map<String, byte[]>> save, PublicKey signer) {
        this.load = load;
        this.save = save;
        this.signer = signer;
    }

    /**
     * @param load   reads all stored blobs (empty map when none)
     * @param save   replaces all stored blobs atomically
     * @param signer the provisioned trust-list signer key
     */
    public static PersistentTrustListCache over(Supplier<Map<String, byte[]>> load, Consumer<Map<String, byte[]>> save,
                                                PublicKey signer) {
        return new PersistentTrustListCache(load, save, signer);
    }

    @Override
    public Optional<TrustList> load() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    current.compareAndSet(null, readStored().orElse(null));
                    loaded = true;
                }
            }
        }
        return Optional.ofNullable(current.get());
    }

    private Optional<TrustList> readStored() {
        Map<String, byte[]> blobs = load.get();
        byte[] envelope = blobs.get(TRUST_LIST_BLOB);
        if (envelope == null) {
            return Optional.empty();
        }
        try {
            byte[] payload = TrustListCodec.openEnvelope(envelope, signer);
            TrustList list = TrustListCodec.parseTrustList(payload, "cache");
            Map<String, StatusList> statusLists = new LinkedHashMap<>();
            for (String id : TrustListCodec.statusListIds(payload)) {
                byte[] sl = blobs.get(id);
                if (sl != null) {
                    statusLists.put(id, TrustListCodec.parseStatusList(TrustListCodec.openEnvelope(sl, signer)));
                }
            }
            return Optional.of(new TrustList(list.sequence(), list.issuedAt(), list.issuers(), statusLists,
                    list.revokedHcerts(), "cache"));
        } catch (TrustListException e) {
            LOG.warn("stored trust data refused ({}); offline verdicts wait for a fresh download", e.getMessage());
            return Optional.empty();
        }
    }

    /** Without envelopes nothing durable can be written: keeps the list for this run only. */
    @Override
    public void store(TrustList list) {
        current.set(list);
        loaded = true;
    }

    @Override
    public void storeSigned(TrustList list, Map<String, byte[]> envelopes) {
        save.accept(Map.copyOf(envelopes));
        store(list);
    }
}
