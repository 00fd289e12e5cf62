package org.onewindow.client.service;

import org.onewindow.core.evidence.StoredPackage;
import org.onewindow.core.verify.VerificationResult;

/** The outcome of serving one identity: the verdict and the durable evidence package. */
public record IdentityServed(VerificationResult verification, StoredPackage stored) {
}
