package org.onewindow.core.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * GB 11643-1999 citizen identity numbers: 6-digit region code, 8-digit birth date, 3-digit sequence,
 * and an ISO 7064 MOD 11-2 check character. The same structure (and check) is used by the residence
 * permits for Hong Kong, Macao and Taiwan residents (region 81/82/83) and by the 2023 foreign permanent
 * resident card (leading 9).
 *
 * <p>Pure logic on purpose: the client, the sandbox back-end and the command line share it.
 */
public final class IdNumbers {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARS = "10X98765432".toCharArray();

    /** Province-level codes of GB/T 2260 (including 71 Taiwan) and 81/82/83 of the residence permits. */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83");

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private IdNumbers() {
    }

    /** The check character GB 11643 requires after these 17 digits. */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 digits, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + i);
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11];
    }

    /** Checks a resident ID (or residence-permit / 2023 permanent-resident) number as of {@code today}. */
    public static IdNumberCheck check(String number, LocalDate today) {
        if (number == null || number.isBlank()) {
            return IdNumberCheck.failed(IdNumberCheck.Problem.EMPTY);
        }
        String n = number.trim().toUpperCase();
        if (n.length() != 18) {
            return IdNumberCheck.failed(IdNumberCheck.Problem.WRONG_LENGTH);
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(n.charAt(i)) || n.charAt(i) > '9') {
                return IdNumberCheck.failed(IdNumberCheck.Problem.BAD_CHARACTERS);
            }
        }
        char last = n.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return IdNumberCheck.failed(IdNumberCheck.Problem.BAD_CHARACTERS);
        }
        boolean foreignPermanent = n.charAt(0) == '9';
        String province = foreignPermanent ? n.substring(1, 3) : n.substring(0, 2);
        if (!PROVINCES.contains(province)) {
            return IdNumberCheck.failed(IdNumberCheck.Problem.UNKNOWN_REGION);
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(n.substring(6, 10)), Integer.parseInt(n.substring(10, 12)),
                    Integer.parseInt(n.substring(12, 14)));
        } catch (DateTimeException e) {
            return IdNumberCheck.failed(IdNumberCheck.Problem.IMPOSSIBLE_BIRTH_DATE);
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return IdNumberCheck.failed(IdNumberCheck.Problem.IMPOSSIBLE_BIRTH_DATE);
        }
        if (checkCharacter(n.substring(0, 17)) != last) {
            return IdNumberCheck.failed(IdNumberCheck.Problem.WRONG_CHECK_DIGIT);
        }
        return IdNumberCheck.ok(birth);
    }

    /** Completes 17 digits with their check character: handy for generating demo and test numbers. */
    public static String withCheckCharacter(String first17) {
        return first17 + checkCharacter(first17);
    }
}
