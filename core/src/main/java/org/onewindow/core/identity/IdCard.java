package org.onewindow.core.identity;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What an ID-card read yields. Fields that a card type does not carry are null.
 * {@code validUntil == null} with {@code longTerm} set means 长期 (no expiry).
 *
 * <p>toString() never prints the name or number in clear: records like this end up in logs.
 */
public record IdCard(
        IdCardType type,
        String name,
        String englishName,
        Sex sex,
        String nationCode,
        LocalDate birthDate,
        String address,
        String idNumber,
        String issuingAuthority,
        LocalDate validFrom,
        LocalDate validUntil,
        boolean longTerm,
        String nationality,
        String passNumber,
        Integer issueCount,
        byte[] photoWlt,
        byte[] photoImage) {

    public IdCard {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(idNumber, "idNumber");
        photoWlt = photoWlt == null ? null : photoWlt.clone();
        photoImage = photoImage == null ? null : photoImage.clone();
    }

    /** A minimal resident card, mostly for tests and the demo data set. */
    public static IdCard resident(String name, Sex sex, String nationCode, LocalDate birthDate, String address,
                                  String idNumber, String authority, LocalDate validFrom, LocalDate validUntil) {
        return new IdCard(IdCardType.RESIDENT, name, null, sex, nationCode, birthDate, address, idNumber, authority,
                validFrom, validUntil, validUntil == null, null, null, null, null, null);
    }

    /** The name to show and check: the Chinese name, or the English one for cards that only carry that. */
    public String displayName() {
        return name != null && !name.isBlank() ? name : Optional.ofNullable(englishName).orElse("");
    }

    /** True when the card is within its validity on {@code day}. */
    public boolean isValidOn(LocalDate day) {
        if (validFrom != null && day.isBefore(validFrom)) {
            return false;
        }
        return longTerm || validUntil == null || !day.isAfter(validUntil);
    }

    public IdCard withPhotoImage(byte[] image) {
        return new IdCard(type, name, englishName, sex, nationCode, birthDate, address, idNumber, issuingAuthority,
                validFrom, validUntil, longTerm, nationality, passNumber, issueCount, photoWlt, image);
    }

    @Override
    public byte[] photoWlt() {
        return photoWlt == null ? null : photoWlt.clone();
    }

    @Override
    public byte[] photoImage() {
        return photoImage == null ? null : photoImage.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdCard c && type == c.type && Objects.equals(name, c.name)
                && Objects.equals(englishName, c.englishName) && sex == c.sex
                && Objects.equals(nationCode, c.nationCode) && Objects.equals(birthDate, c.birthDate)
                && Objects.equals(address, c.address) && idNumber.equals(c.idNumber)
                && Objects.equals(issuingAuthority, c.issuingAuthority) && Objects.equals(validFrom, c.validFrom)
                && Objects.equals(validUntil, c.validUntil) && longTerm == c.longTerm
                && Objects.equals(nationality, c.nationality) && Objects.equals(passNumber, c.passNumber)
                && Objects.equals(issueCount, c.issueCount) && Arrays.equals(photoWlt, c.photoWlt)
                && Arrays.equals(photoImage, c.photoImage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, idNumber, birthDate);
    }

    @Override
    public String toString() {
        return "IdCard[" + type + ", " + org.onewindow.core.privacy.Masking.idNumber(idNumber) + ", "
                + org.onewindow.core.privacy.Masking.name(displayName()) + "]";
    }
}
