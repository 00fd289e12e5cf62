package org.onewindow.core.identity;

import java.time.LocalDate;

/**
 * The outcome of checking an identity-document number by its own rules (no back-end involved).
 *
 * @param valid     true when every rule passed
 * @param problem   the first rule that failed, or null when valid
 * @param birthDate the birth date encoded in the number, when it could be read
 */
public record IdNumberCheck(boolean valid, Problem problem, LocalDate birthDate) {

    /** Why a number is not acceptable; each maps to a clerk-readable message in the UI bundles. */
    public enum Problem {
        EMPTY, WRONG_LENGTH, BAD_CHARACTERS, UNKNOWN_REGION, IMPOSSIBLE_BIRTH_DATE, WRONG_CHECK_DIGIT;

        /** Message key in the client bundles: {@code idnumber.problem.WRONG_CHECK_DIGIT}. */
        public String messageKey() {
            return "idnumber.problem." + name();
        }

        /** A plain English explanation for logs and the command line. */
        public String describe() {
            return switch (this) {
                case EMPTY -> "no number given";
                case WRONG_LENGTH -> "an ID number has 18 characters";
                case BAD_CHARACTERS -> "only digits, and X as the last character, are allowed";
                case UNKNOWN_REGION -> "the region code (first 6 digits) is not a known administrative division";
                case IMPOSSIBLE_BIRTH_DATE -> "the birth date (characters 7-14) is not a real past date";
                case WRONG_CHECK_DIGIT -> "the check digit (last character) does not match the others";
            };
        }
    }

    public static IdNumberCheck ok(LocalDate birthDate) {
        return new IdNumberCheck(true, null, birthDate);
    }

    public static IdNumberCheck failed(Problem problem) {
        return new IdNumberCheck(false, problem, null);
    }
}
