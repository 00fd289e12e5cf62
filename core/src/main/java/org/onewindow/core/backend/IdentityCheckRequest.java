package org.onewindow.core.backend;

/** Ask the population registry whether a number and name belong together. */
public record IdentityCheckRequest(String idNumber, String name) {
    @Override
    public String toString() {
        return "IdentityCheckRequest[" + org.onewindow.core.privacy.Masking.idNumber(idNumber) + "]";
    }
}
