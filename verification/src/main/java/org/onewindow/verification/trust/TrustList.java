package org.onewindow.verification.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys and revocation data verifiers trust, with the time it was issued (its age decides whether
 * offline verdicts can still be given).
 *
 * @param sequence      issuer's sequence number (newer lists have larger numbers)
 * @param issuedAt      when the back-end issued it (or when IT imported the file)
 * @param issuers       trusted keys
 * @param statusLists   bitstring status lists by id
 * @param revokedHcerts Base64 of the first 16 bytes of SHA-256 over a revoked HCERT's UCI (EU DCC "UCI" hash)
 * @param source        where it came from ("back-end", a file name, ...), for the result card
 */
public record TrustList(long sequence, Instant issuedAt, List<TrustedIssuer> issuers, Map<String, StatusList> statusLists,
                        Set<String> revokedHcerts, String source) {
    public TrustList {
        issuers = List.copyOf(issuers);
        statusLists = Map.copyOf(statusLists);
        revokedHcerts = Set.copyOf(revokedHcerts);
    }

    public static TrustList empty() {
        return new TrustList(0, Instant.EPOCH, List.of(), Map.of(), Set.of(), "none");
    }

    public Duration age(Instant now) {
        Duration d = Duration.between(issuedAt, now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Keys with this id that may verify {@code format}. */
    public List<TrustedIssuer> find(String format, String kid) {
        List<TrustedIssuer> out = new ArrayList<>();
        for (TrustedIssuer i : issuers) {
            if (i.kid().equals(kid) && i.mayVerify(format)) {
                out.add(i);
            }
        }
        return out;
    }

    public List<TrustedIssuer> find(String format, byte[] kid) {
        return find(format, Base64.getEncoder().encodeToString(kid));
    }

    /** Keys of an issuer identifier (for JWTs without a kid). */
    public List<TrustedIssuer> findByIssuer(String format, String issuerId) {
        return issuers.stream().filter(i -> issuerId != null && issuerId.equals(i.issuerId()) && i.mayVerify(format)).toList();
    }

    public Optional<StatusList> statusList(String id) {
        return Optional.ofNullable(statusLists.get(id));
    }

    /** This list plus another's entries (imported anchors join the downloaded list); the older age wins. */
    public TrustList merge(TrustList other) {
        List<TrustedIssuer> all = new ArrayList<>(issuers);
        Set<String> seen = new HashSet<>();
        for (TrustedIssuer i : issuers) {
            seen.add(i.kid() + "|" + Arrays.toString(i.publicKey().getEncoded()));
        }
        for (TrustedIssuer i : other.issuers) {
            if (seen.add(i.kid() + "|" + Arrays.toString(i.publicKey().getEncoded()))) {
                all.add(i);
            }
        }
        Map<String, StatusList> lists = new LinkedHashMap<>(other.statusLists);
        lists.putAll(statusLists);
        Set<String> revoked = new HashSet<>(revokedHcerts);
        revoked.addAll(other.revokedHcerts);
        Instant older = issuers.isEmpty() ? other.issuedAt : other.issuers.isEmpty() ? issuedAt
                : issuedAt.isBefore(other.issuedAt) ? issuedAt : other.issuedAt;
        return new TrustList(Math.max(sequence, other.sequence), older, all, lists, revoked,
                issuers.isEmpty() ? other.source : other.issuers.isEmpty() ? source : source + " + " + other.source);
    }
}
