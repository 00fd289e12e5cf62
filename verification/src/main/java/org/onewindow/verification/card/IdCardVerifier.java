package org.onewindow.verification.card;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.backend.HallServices;
import org.onewindow.core.backend.IdentityCheckRequest;
import org.onewindow.core.backend.IdentityCheckResult;
import org.onewindow.core.identity.IdCard;
import org.onewindow.verification.identity.IdentityNumberCheck;
import org.onewindow.verification.identity.IdentityNumbers;
import org.onewindow.core.privacy.Masking;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies an identity card read at the counter: the number's own rules (GB 11643), the card's validity
 * period, then the population registry through the back-end. A number that breaks its rules is INVALID
 * without asking the back-end; a back-end that cannot be reached gives UNVERIFIABLE/OFFLINE, so the
 * clerk knows the check is still owed. Blocks on the network: call off the UI thread.
 */
public final class IdCardVerifier {
    public static final String FORMAT = "id-card";
    private static final Logger LOG = LoggerFactory.getLogger(IdCardVerifier.class);
    private static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");

    private final HallServices backend;
    private final Clock clock;

    public IdCardVerifier(HallServices backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    public VerificationResult verify(IdCard card) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, HALL_ZONE);
        Map<String, Boolean> checks = new LinkedHashMap<>();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("cardType", card.type().name());
        claims.put("idNumber", card.idNumber());
        claims.put("name", card.displayName());

        // GB 11643 and the region table for resident, permit and 2023 numbers; the 2017 permanent-resident format
        IdentityNumberCheck rules = IdentityNumbers.check(card.idNumber(), today);
        checks.put("numberRules", rules.valid());
        if (rules.region() != null) {
            claims.put("region", rules.region());
        }
        if (!rules.valid()) {
            LOG.info("ID number {} fails its rules: {}", Masking.idNumber(card.idNumber()), rules.problem());
            return new VerificationResult(FORMAT, Verdict.INVALID, VerificationReason.INVALID_NUMBER,
                    rules.problem().name(), checks, claims, VerificationMode.LOCAL_RULES, null, now);
        }
        boolean birthMatches = card.birthDate() == null || card.birthDate().equals(rules.birthDate());
        checks.put("birthDateMatchesNumber", birthMatches);
        if (!birthMatches) {
            return new VerificationResult(FORMAT, Verdict.INVALID, VerificationReason.MALFORMED,
                    "birth date on the card differs from the number", checks, claims, VerificationMode.LOCAL_RULES,
                    null, now);
        }
        boolean inValidity = card.isValidOn(today);
        checks.put("validity", inValidity);
        if (!inValidity) {
            boolean notYet = card.validFrom() != null && today.isBefore(card.validFrom());
            return new VerificationResult(FORMAT, Verdict.INVALID,
                    notYet ? VerificationReason.NOT_YET_VALID : VerificationReason.EXPIRED,
                    notYet ? "card not yet valid" : "card expired", checks, claims, VerificationMode.LOCAL_RULES,
                    null, now);
        }

        IdentityCheckResult registry;
        try {
            registry = backend.checkIdentity(new IdentityCheckRequest(card.idNumber(), card.displayName()));
        } catch (BackendException e) {
            LOG.warn("identity check for {} not done: {} ({})", Masking.idNumber(card.idNumber()), e.kind(),
                    e.getMessage());
            VerificationReason reason = e.kind() == BackendException.Kind.PROTOCOL
                    ? VerificationReason.BACKEND_ERROR : VerificationReason.OFFLINE;
            return new VerificationResult(FORMAT, Verdict.UNVERIFIABLE, reason, e.kind().name(), checks, claims,
                    VerificationMode.NOT_VERIFIED, null, now);
        }
        claims.put("registryCheckId", registry.checkId());
        checks.put("registry", registry.outcome() == IdentityCheckResult.Outcome.MATCH);
        return switch (registry.outcome()) {
            case MATCH -> new VerificationResult(FORMAT, Verdict.VALID, null, registry.reason(), checks, claims,
                    VerificationMode.ONLINE, null, registry.checkedAt());
            case NO_MATCH -> new VerificationResult(FORMAT, Verdict.INVALID, VerificationReason.IDENTITY_MISMATCH,
                    registry.reason(), checks, claims, VerificationMode.ONLINE, null, registry.checkedAt());
            case UNKNOWN -> new VerificationResult(FORMAT, Verdict.INVALID, VerificationReason.IDENTITY_UNKNOWN,
                    registry.reason(), checks, claims, VerificationMode.ONLINE, null, registry.checkedAt());
        };
    }
}
