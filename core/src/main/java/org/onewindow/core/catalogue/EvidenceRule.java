package org.onewindow.core.catalogue;

import java.util.Objects;

/**
 * One way to satisfy a material.
 *
 * @param kind        what kind of evidence
 * @param type        what exactly: the e-license type (e.g. {@code household-register}), the data-share
 *                    source (e.g. {@code social-security-enrollment}), or the kind of page; empty for the ID card
 * @param description for the clerk, e.g. 居民户口簿电子证照
 */
public record EvidenceRule(EvidenceKind kind, String type, String description) {
    public EvidenceRule {
        Objects.requireNonNull(kind, "kind");
        type = type == null ? "" : type;
        Objects.requireNonNull(description, "description");
    }

    /** Whether evidence of {@code kind} and {@code type} satisfies this rule. */
    public boolean accepts(EvidenceKind evidenceKind, String evidenceType) {
        return kind == evidenceKind && (type.isEmpty() || type.equals(evidenceType));
    }
}
