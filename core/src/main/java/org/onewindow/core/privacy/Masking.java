package org.onewindow.core.privacy;

/**
 * How citizen identifiers appear anywhere but the clerk's reveal-on-demand view:
 * logs, support bundles, JSON output without --reveal.
 */
public final class Masking {
    private Masking() {
    }

    /** 370102199003071234 → 370102********1234; short or odd input keeps at most its last 2 characters. */
    public static String idNumber(String number) {
        if (number == null || number.isEmpty()) {
            return "";
        }
        int n = number.length();
        if (n >= 14) {
            return number.substring(0, 6) + "*".repeat(n - 10) + number.substring(n - 4);
        }
        if (n <= 2) {
            return "*".repeat(n);
        }
        return "*".repeat(n - 2) + number.substring(n - 2);
    }

    /** 张三 → 张*, 欧阳小明 → 欧***, JOHN SMITH → J*********. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int first = name.codePointAt(0);
        int rest = name.codePointCount(0, name.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(rest);
    }
}
