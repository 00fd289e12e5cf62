package org.onewindow.verification.trust;

import java.security.PublicKey;
import java.util.LinkedHashMap;

import java.util.Map;
import org.onewindow.core.backend.BackendException;
import org.onewindow.verification.backend.HttpHallServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the trust list and the status lists it names from the back-end, verifies each envelope with
 * the provisioned trust-list signer key, and stores the result in the cache. A list whose signature fails,
 * or that is older (lower sequence) than the cached one, is refused and the cache is left as it was.
 */
public final class TrustListUpdater {
    private static final Logger LOG = LoggerFactory.getLogger(TrustListUpdater.class);
    public static final String TRUST_LIST_PATH = "/api/v1/trust-lists/current";
    public static final String STATUS_LIST_PATH = "/api/v1/status-lists/";

    private final HttpHallServices backend;
    private final PublicKey signer;
    private final TrustListCache cache;

    public TrustListUpdater(HttpHallServices backend, PublicKey signer, TrustListCache cache) {
        this.backend = backend;
        this.signer = signer;
        this.cache = cache;
    }

    /** Fetches, verifies and caches; answers the list now in the cache. */
    public TrustList update() throws BackendException, TrustListException {
        byte[] envelope = backend.callBytes("GET", TRUST_LIST_PATH);
        byte[] payload = TrustListCodec.openEnvelope(envelope, signer);
        Map<String, byte[]> envelopes = new LinkedHashMap<>();
        envelopes.put(TrustListCache.TRUST_LIST_BLOB, envelope);
        TrustList list = TrustListCodec.parseTrustList(payload, "back-end");
        var cached = cache.load();
        if (cached.isPresent() && cached.get().sequence() > list.sequence()) {
            throw new TrustListException("back-end offered trust list " + list.sequence()
                    + ", older than the cached " + cached.get().sequence());
        }
        Map<String, StatusList> statusLists = new LinkedHashMap<>();
        for (String id : TrustListCodec.statusListIds(payload)) {
            if (!id.matches("[A-Za-z0-9._-]{1,100}")) {
                throw new TrustListException("status list id has invalid characters");
            }
            byte[] statusEnvelope = backend.callBytes("GET", STATUS_LIST_PATH + id);
            StatusList sl = TrustListCodec.parseStatusList(TrustListCodec.openEnvelope(statusEnvelope, signer));
            envelopes.put(id, statusEnvelope);
            if (!id.equals(sl.id())) {
                throw new TrustListException("status list answered under another id");
            }
            statusLists.put(id, sl);
        }
        TrustList complete = new TrustList(list.sequence(), list.issuedAt(), list.issuers(), statusLists,
                list.revokedHcerts(), list.source());
        cache.storeSigned(complete, envelopes);
        LOG.info("trust list {} cached: {} issuers, {} status lists", complete.sequence(), complete.issuers().size(),
                statusLists.size());
        return complete;
    }

}
