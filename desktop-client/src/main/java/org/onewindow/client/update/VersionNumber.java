package org.onewindow.client.update;

import java.util.Arrays;

/**
 * A dotted numeric version ("0.2.0", "1.10"), optionally with a qualifier ("0.1.0-SNAPSHOT") that ranks
 * below the same numbers without one. Enough for one product's own releases; not a general semver.
 */
public record VersionNumber(int[] parts, String qualifier) implements Comparable<VersionNumber> {

    public static VersionNumber parse(String text) {
        String t = text.strip();
        int dash = t.indexOf('-');
        String numbers = dash < 0 ? t : t.substring(0, dash);
        String qualifier = dash < 0 ? "" : t.substring(dash + 1);
        String[] pieces = numbers.split("\\.");
        int[] parts = new int[pieces.length];
        try {
            for (int i = 0; i < pieces.length; i++) {
                parts[i] = Integer.parseInt(pieces[i]);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a version like 1.2.3");
        }
        return new VersionNumber(parts, qualifier);
    }

    @Override
    public int compareTo(VersionNumber o) {
        for (int i = 0; i < Math.max(parts.length, o.parts.length); i++) {
            int a = i < parts.length ? parts[i] : 0;
            int b = i < o.parts.length ? o.parts[i] : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        if (qualifier.isEmpty() != o.qualifier.isEmpty()) {
            return qualifier.isEmpty() ? 1 : -1;
        }
        return qualifier.compareTo(o.qualifier);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionNumber v && Arrays.equals(parts, v.parts) && qualifier.equals(v.qualifier);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts) * 31 + qualifier.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            b.append(i == 0 ? "" : ".").append(parts[i]);
        }
        return qualifier.isEmpty() ? b.toString() : b + "-" + qualifier;
    }
}
