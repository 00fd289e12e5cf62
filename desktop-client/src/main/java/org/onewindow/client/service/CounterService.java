package org.onewindow.client.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.onewindow.core.evidence.EvidenceItem;
import org.onewindow.core.evidence.EvidencePackage;
import org.onewindow.core.evidence.EvidenceStore;
import org.onewindow.core.evidence.EvidenceStoreException;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.card.IdCardVerifier;

/**
 * The counter's work on one identity, free of UI: verify the card, then make the evidence durable. A
 * failed or impossible verification is archived too: the record of what was checked is the point.
 * Blocking: run off the UI thread.
 */
public final class CounterService {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final IdCardVerifier verifier;
    private final EvidenceStore store;
    private final Clock clock;
    private final CounterIdentity counter;
    private final Supplier<String> clerk;

    public CounterService(IdCardVerifier verifier, EvidenceStore store, Clock clock, CounterIdentity counter,
                          Supplier<String> clerk) {
        this.verifier = verifier;
        this.store = store;
        this.clock = clock;
        this.counter = counter;
        this.clerk = clerk;
    }

    public VerificationResult verify(IdCard card) {
        return verifier.verify(card);
    }

    /** Verifies and archives in one go. */
    public IdentityServed serve(IdCard card, String caseId) throws EvidenceStoreException {
        VerificationResult result = verify(card);
        return new IdentityServed(result, archive(card, result, caseId));
    }

    /** Writes the card and its verification as one evidence package; returns once it is durable. */
    public org.onewindow.core.evidence.StoredPackage archive(IdCard card, VerificationResult result, String caseId)
            throws EvidenceStoreException {
        List<EvidenceItem> items = new ArrayList<>();
        items.add(new EvidenceItem("id-card", "application/json", cardJson(card), "ID card data"));
        if (card.photoImage() != null) {
            items.add(new EvidenceItem("id-photo", "image/png", card.photoImage(), "ID card photo"));
        } else if (card.photoWlt() != null) {
            items.add(new EvidenceItem("id-photo-wlt", "application/x-wlt", card.photoWlt(), "ID card photo (WLT)"));
        }
        EvidencePackage pkg = new EvidencePackage(UUID.randomUUID().toString(), caseId, null, clerk.get(),
                counter.hall(), counter.window(), counter.workstation(), clock.instant(), items, List.of(result));
        return store.commit(pkg);
    }

    /**
     * Archives the finished case: its summary (service item, checklist with what satisfied or waived each
     * material, the rating) and the verifications made during it. Returns once durable.
     */
    public org.onewindow.core.evidence.StoredPackage archiveCase(String caseId, String serviceItem, byte[] summaryJson,
                                                                 List<VerificationResult> verifications)
            throws EvidenceStoreException {
        return archiveCase(caseId, serviceItem, summaryJson, verifications, List.of());
    }

    /** Archives a finished case with extra items after the summary (document-camera pages, ...). */
    public org.onewindow.core.evidence.StoredPackage archiveCase(String caseId, String serviceItem, byte[] summaryJson,
                                                                 List<VerificationResult> verifications,
                                                                 List<EvidenceItem> extraItems)
            throws EvidenceStoreException {
        List<EvidenceItem> items = new java.util.ArrayList<>();
        items.add(new EvidenceItem("case-summary", "application/json", summaryJson, "case summary"));
        items.addAll(extraItems);
        EvidencePackage pkg = new EvidencePackage(UUID.randomUUID().toString(), caseId, serviceItem, clerk.get(),
                counter.hall(), counter.window(), counter.workstation(), clock.instant(), List.copyOf(items),
                verifications);
        return store.commit(pkg);
    }

    /**
     * Archives a person-ID check: the chosen frame (encrypted at rest like all evidence), the score, the
     * decision and, for an override or manual review, the clerk's reason.
     */
    public org.onewindow.core.evidence.StoredPackage archiveFaceCheck(String caseId,
                                                                      org.onewindow.core.face.FaceCheckOutcome outcome)
            throws EvidenceStoreException {
        EvidencePackage pkg = new EvidencePackage(UUID.randomUUID().toString(), caseId, null, clerk.get(),
                counter.hall(), counter.window(), counter.workstation(), clock.instant(),
                outcome.evidence().map(List::of).orElse(List.of()), List.of(outcome.verification()));
        return store.commit(pkg);
    }

    /**
     * Archives a passport chip read: the data group 1 fields, the DG2 face as stored on the chip, and the
     * passive authentication as a verification ("icao-9303-chip"). Returns once durable.
     */
    public org.onewindow.core.evidence.StoredPackage archivePassport(String caseId,
                                                                     org.onewindow.core.device.PassportData data)
            throws EvidenceStoreException {
        List<EvidenceItem> items = new ArrayList<>();
        items.add(new EvidenceItem("passport-dg1", "application/json", passportJson(data), "passport chip data (DG1)"));
        if (data.faceImage() != null) {
            items.add(new EvidenceItem("passport-face", data.faceMimeType(), data.faceImage(), "passport chip face (DG2)"));
        }
        EvidencePackage pkg = new EvidencePackage(UUID.randomUUID().toString(), caseId, null, clerk.get(),
                counter.hall(), counter.window(), counter.workstation(), clock.instant(), items,
                List.of(passportVerification(data, clock.instant())));
        return store.commit(pkg);
    }

    /**
     * The chip's passive authentication as a verdict: VALID when the data group hashes and the SOD signature
     * hold and the document signer chains to a configured CSCA; UNVERIFIABLE (UNKNOWN_ISSUER) when no CSCA list
     * is configured; INVALID (UNKNOWN_ISSUER) when the chain fails. A read whose hashes or signature fail never
     * gets here: the reader refuses it.
     */
    static VerificationResult passportVerification(org.onewindow.core.device.PassportData data, java.time.Instant at) {
        var pa = data.passiveAuthentication();
        java.util.Map<String, Boolean> checks = new java.util.LinkedHashMap<>();
        for (int dg : pa.checkedDataGroups()) {
            checks.put("dg" + dg + "-hash", true);
        }
        checks.put("sod-signature", pa.signatureValid());
        if (pa.chain() != org.onewindow.core.device.PassportData.ChainStatus.NOT_CHECKED) {
            checks.put("csca-chain", pa.chain() == org.onewindow.core.device.PassportData.ChainStatus.VERIFIED);
        }
        java.util.Map<String, Object> claims = new java.util.LinkedHashMap<>();
        claims.put("documentCode", data.documentCode());
        claims.put("issuingState", data.issuingState());
        claims.put("nationality", data.nationality());
        claims.put("dateOfExpiry", String.valueOf(data.dateOfExpiry()));
        org.onewindow.core.verify.Verdict verdict;
        org.onewindow.core.verify.VerificationReason reason;
        switch (pa.chain()) {
            case VERIFIED -> {
                verdict = pa.signatureValid() ? org.onewindow.core.verify.Verdict.VALID : org.onewindow.core.verify.Verdict.INVALID;
                reason = pa.signatureValid() ? null : org.onewindow.core.verify.VerificationReason.BAD_SIGNATURE;
            }
            case NOT_CHECKED -> {
                verdict = org.onewindow.core.verify.Verdict.UNVERIFIABLE;
                reason = org.onewindow.core.verify.VerificationReason.UNKNOWN_ISSUER;
            }
            default -> {
                verdict = org.onewindow.core.verify.Verdict.INVALID;
                reason = org.onewindow.core.verify.VerificationReason.UNKNOWN_ISSUER;
            }
        }
        return new VerificationResult("icao-9303-chip", verdict, reason, pa.detail(), checks, claims,
                org.onewindow.core.verify.VerificationMode.LOCAL_RULES, null, at);
    }

    static byte[] passportJson(org.onewindow.core.device.PassportData d) {
        ObjectNode n = JSON.createObjectNode();
        n.put("documentCode", d.documentCode());
        n.put("documentNumber", d.documentNumber());
        n.put("issuingState", d.issuingState());
        n.put("primaryIdentifier", d.primaryIdentifier());
        n.put("secondaryIdentifier", d.secondaryIdentifier());
        n.put("nationality", d.nationality());
        n.put("dateOfBirth", String.valueOf(d.dateOfBirth()));
        n.put("sex", d.sex());
        n.put("dateOfExpiry", String.valueOf(d.dateOfExpiry()));
        n.put("documentSigner", d.passiveAuthentication().signer());
        try {
            return JSON.writeValueAsBytes(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode passport data", e);
        }
    }

    static byte[] cardJson(IdCard card) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", card.type().name());
        n.put("name", card.name());
        n.put("englishName", card.englishName());
        n.put("sex", card.sex() == null ? null : card.sex().name());
        n.put("nationCode", card.nationCode());
        n.put("birthDate", String.valueOf(card.birthDate()));
        n.put("address", card.address());
        n.put("idNumber", card.idNumber());
        n.put("issuingAuthority", card.issuingAuthority());
        n.put("validFrom", String.valueOf(card.validFrom()));
        n.put("validUntil", card.longTerm() ? "长期" : String.valueOf(card.validUntil()));
        n.put("nationality", card.nationality());
        n.put("passNumber", card.passNumber());
        if (card.issueCount() != null) {
            n.put("issueCount", card.issueCount());
        }
        try {
            return JSON.writeValueAsBytes(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode card", e);
        }
    }
}
