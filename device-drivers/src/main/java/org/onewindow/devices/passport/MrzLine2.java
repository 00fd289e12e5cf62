package org.onewindow.devices.passport;

import java.util.Locale;
import org.onewindow.core.device.MrzAccessKey;

/**
 * The second line of a TD3 (passport booklet) MRZ, ICAO 9303-4: 44 characters, checked by its four check
 * digits (document number, date of birth, date of expiry, optional data) and the composite check digit.
 * A wrong digit is rejected with a message that names the field, never its value.
 */
public final class MrzLine2 {
    public static final int LENGTH = 44;

    private MrzLine2() {
    }

    /**
     * Parses the line as the clerk typed or scanned it: spaces are dropped, letters upper-cased.
     *
     * @throws IllegalArgumentException naming the field whose check digit is wrong, or the length
     */
    public static MrzAccessKey parse(String line) {
        if (line == null) {
            throw new IllegalArgumentException("no MRZ line given");
        }
        String s = line.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (s.length() != LENGTH) {
            throw new IllegalArgumentException("MRZ line 2 of a passport has " + LENGTH + " characters, got "
                    + s.length());
        }
        if (!s.matches("[0-9A-Z<]{44}")) {
            throw new IllegalArgumentException("MRZ line 2 may only hold A-Z, 0-9 and '<'");
        }
        check(s, 0, 9, "document number");
        check(s, 13, 19, "date of birth");
        check(s, 21, 27, "date of expiry");
        check(s, 28, 42, "optional data");
        String composite = s.substring(0, 10) + s.substring(13, 20) + s.substring(21, 43);
        if (checkDigit(composite) != s.charAt(43)) {
            throw new IllegalArgumentException("wrong composite check digit (position 44): the line has a typo");
        }
        String number = s.substring(0, 9).replace("<", "");
        String dob = s.substring(13, 19);
        String doe = s.substring(21, 27);
        if (!dob.matches("\\d{6}") || !doe.matches("\\d{6}")) {
            throw new IllegalArgumentException("MRZ dates must be digits (YYMMDD)");
        }
        if (number.isEmpty()) {
            throw new IllegalArgumentException("MRZ document number is empty");
        }
        return new MrzAccessKey(number, dob, doe);
    }

    /** Builds a valid line 2 (for the emulator, the demo and tests). */
    public static String format(String documentNumber, String nationality, String dateOfBirth, char sex,
                                String dateOfExpiry, String optionalData) {
        String number = pad(documentNumber, 9);
        String optional = pad(optionalData == null ? "" : optionalData, 14);
        String head = number + checkDigit(number) + pad(nationality, 3) + dateOfBirth + checkDigit(dateOfBirth)
                + sex + dateOfExpiry + checkDigit(dateOfExpiry) + optional + checkDigit(optional);
        String composite = head.substring(0, 10) + head.substring(13, 20) + head.substring(21, 43);
        return head + checkDigit(composite);
    }

    /** ICAO 9303-3 check digit: weights 7, 3, 1; A-Z count 10-35, '&lt;' counts 0. */
    public static char checkDigit(String field) {
        int sum = 0;
        int[] weights = {7, 3, 1};
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                v = c - 'A' + 10;
            } else if (c == '<') {
                v = 0;
            } else {
                throw new IllegalArgumentException("not an MRZ character at position " + (i + 1));
            }
            sum += v * weights[i % 3];
        }
        return (char) ('0' + sum % 10);
    }

    private static void check(String s, int from, int digitAt, String field) {
        char expected = checkDigit(s.substring(from, digitAt));
        char actual = s.charAt(digitAt);
        boolean emptyOptional = digitAt == 42 && actual == '<' && s.substring(from, digitAt).matches("<*");
        if (expected != actual && !emptyOptional) {
            throw new IllegalArgumentException("wrong check digit for the " + field + " (position " + (digitAt + 1)
                    + "): the line has a typo");
        }
    }

    private static String pad(String s, int n) {
        String t = s.toUpperCase(Locale.ROOT).replace(' ', '<');
        if (t.length() > n) {
            throw new IllegalArgumentException("field longer than " + n + " characters");
        }
        return t + "<".repeat(n - t.length());
    }
}
