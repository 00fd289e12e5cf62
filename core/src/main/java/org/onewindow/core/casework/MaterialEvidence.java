package org.onewindow.core.casework;

import java.time.Instant;
import java.util.Objects;
import org.onewindow.core.catalogue.EvidenceKind;

/**
 * A piece of verified evidence that can satisfy a material.
 *
 * @param kind       what kind (ID card, e-license, data-share answer, scanned page)
 * @param type       its type within the kind (e-license type, data-share source, page kind); empty for the ID card
 * @param reference  where it is kept: a credential identifier, a data-share receipt, an evidence package id
 * @param label      a short non-personal label for the checklist
 * @param verifiedAt when it was verified or captured
 */
public record MaterialEvidence(EvidenceKind kind, String type, String reference, String label, Instant verifiedAt) {
    public MaterialEvidence {
        Objects.requireNonNull(kind, "kind");
        type = type == null ? "" : type;
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }
}
