package org.onewindow.core.device;

import java.util.Objects;
import org.onewindow.core.privacy.Masking;

/**
 * The part of the MRZ that opens a chip with Basic Access Control: document number, date of birth and date of
 * expiry, as printed in the MRZ (dates YYMMDD, number without filler '&lt;'). toString masks the number.
 */
public record MrzAccessKey(String documentNumber, String dateOfBirth, String dateOfExpiry) {
    public MrzAccessKey {
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(dateOfExpiry, "dateOfExpiry");
        if (!dateOfBirth.matches("\\d{6}") || !dateOfExpiry.matches("\\d{6}")) {
            throw new IllegalArgumentException("MRZ dates must be YYMMDD");
        }
    }

    @Override
    public String toString() {
        return "MrzAccessKey[documentNumber=" + Masking.idNumber(documentNumber) + ", dateOfBirth=******"
                + ", dateOfExpiry=" + dateOfExpiry + "]";
    }
}
