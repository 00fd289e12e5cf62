package org.onewindow.core.identity;

/** Sex as coded on the card (GB/T 2261.1: 0 unknown, 1 male, 2 female, 9 unspecified). */
public enum Sex {
    UNKNOWN, MALE, FEMALE, UNSPECIFIED;

    public static Sex fromCode(String code) {
        return switch (code == null ? "" : code.trim()) {
            case "1" -> MALE;
            case "2" -> FEMALE;
            case "9" -> UNSPECIFIED;
            default -> UNKNOWN;
        };
    }
}
