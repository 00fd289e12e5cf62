package org.onewindow.core.device;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.onewindow.core.privacy.Masking;

/**
 * What a chip-document read yields: DG1 (the MRZ data as printed), the DG2 face and the outcome of passive
 * authentication. Names are as the MRZ prints them (Latin capitals, '&lt;' turned to spaces).
 *
 * <p>toString() never prints the document number or names in clear, nor the date of birth: records like this
 * end up in logs.
 *
 * @param documentCode "P", "PO", "I"... (the MRZ's first two characters, filler removed)
 * @param faceImage the first DG2 face image as stored on the chip, or null when DG2 holds none
 * @param faceMimeType "image/jpeg" or "image/jp2" (JPEG 2000 needs a decoder to display)
 */
public record PassportData(
        String documentCode,
        String documentNumber,
        String issuingState,
        String primaryIdentifier,
        String secondaryIdentifier,
        String nationality,
        LocalDate dateOfBirth,
        String sex,
        LocalDate dateOfExpiry,
        byte[] faceImage,
        String faceMimeType,
        PassiveAuthentication passiveAuthentication) {

    public PassportData {
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(passiveAuthentication, "passiveAuthentication");
        faceImage = faceImage == null ? null : faceImage.clone();
    }

    @Override
    public byte[] faceImage() {
        return faceImage == null ? null : faceImage.clone();
    }

    /** Surname(s) then given names, as printed. */
    public String fullName() {
        return secondaryIdentifier == null || secondaryIdentifier.isBlank() ? primaryIdentifier
                : primaryIdentifier + " " + secondaryIdentifier;
    }

    @Override
    public String toString() {
        return "PassportData[documentCode=" + documentCode + ", documentNumber=" + Masking.idNumber(documentNumber)
                + ", issuingState=" + issuingState + ", primaryIdentifier=" + Masking.name(primaryIdentifier)
                + ", secondaryIdentifier=" + Masking.name(secondaryIdentifier) + ", nationality=" + nationality
                + ", dateOfBirth=****-**-**, sex=" + sex + ", dateOfExpiry=" + dateOfExpiry
                + ", faceImage=" + (faceImage == null ? "none" : faceImage.length + " bytes " + faceMimeType)
                + ", passiveAuthentication=" + passiveAuthentication + "]";
    }

    /**
     * Passive authentication (ICAO 9303-11 §5.1 / 9303-12): the data group hashes against EF.SOD, the SOD's
     * signature against its document signer certificate, and that certificate against the configured CSCA
     * trust anchors. A read only returns when the hashes and the signature hold; {@code chain} may still be
     * {@link ChainStatus#NOT_CHECKED} when no CSCA list is configured.
     *
     * @param checkedDataGroups the data group numbers whose hashes matched (e.g. [1, 2])
     * @param signer the document signer's subject, for the record (no citizen data)
     */
    public record PassiveAuthentication(List<Integer> checkedDataGroups, boolean signatureValid,
                                        ChainStatus chain, String signer, String detail) {
        public PassiveAuthentication {
            checkedDataGroups = List.copyOf(checkedDataGroups);
            Objects.requireNonNull(chain, "chain");
        }

        /** Hashes and signature hold, and the chain is verified (or was not asked for). */
        public boolean passed() {
            return signatureValid && chain != ChainStatus.FAILED;
        }
    }

    public enum ChainStatus {
        /** The document signer certificate chains to a configured CSCA certificate. */
        VERIFIED,
        /** "not checked: no CSCA list configured". */
        NOT_CHECKED,
        /** A CSCA list is configured and the document signer does not chain to it. */
        FAILED
    }
}
