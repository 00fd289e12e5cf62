package org.onewindow.verification.datashare;

import java.time.Instant;
import java.util.Map;

/**
 * The registry's answer to one look-up, with its receipt to archive as evidence.
 *
 * @param kind              what was asked
 * @param found             whether the registry holds a record for the identity
 * @param facts             what it confirms (citizen data: show, archive, never log)
 * @param receiptId         the back-end's receipt id
 * @param answeredAt        when
 * @param signature         the back-end's Ed25519 signature (Base64) over the receipt fields
 * @param signatureVerified true when checked against the provisioned receipt key, false when it failed,
 *                          null when no key was configured
 */
public record DataShareAnswer(DataShareKind kind, boolean found, Map<String, Object> facts, String receiptId,
                              Instant answeredAt, String signature, Boolean signatureVerified) {
    public DataShareAnswer {
        facts = Map.copyOf(facts);
    }
}
