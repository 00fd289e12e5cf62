package org.onewindow.verification.hcert;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The structural rules of the EU DCC JSON schema (1.3.x) for the hcert v1 payload: version, name with a
 * machine-readable surname, date of birth, and exactly one of v / t / r holding exactly one entry with its
 * required fields. Value sets (disease codes etc.) are not checked: they change and belong to business rules.
 */
public final class HcertSchema {
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern STANDARDISED_NAME = Pattern.compile("[A-Z<]*");
    private static final Pattern DOB = Pattern.compile("((19|20)\\d\\d(-\\d\\d){0,2})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "v", List.of("tg", "vp", "mp", "ma", "dn", "sd", "dt", "co", "is", "ci"),
            "t", List.of("tg", "tt", "sc", "tr", "co", "is", "ci"),
            "r", List.of("tg", "fr", "co", "is", "df", "du", "ci"));

    private HcertSchema() {
    }

    /** The first schema violation, or empty when the payload conforms. */
    public static Optional<String> problem(Map<?, ?> dgc) {
        if (!(dgc.get("ver") instanceof String ver) || !VERSION.matcher(ver).matches()) {
            return Optional.of("ver missing or not a version");
        }
        if (!(dgc.get("nam") instanceof Map<?, ?> nam)) {
            return Optional.of("nam missing");
        }
        if (!(nam.get("fnt") instanceof String fnt) || fnt.length() > 80 || !STANDARDISED_NAME.matcher(fnt).matches()) {
            return Optional.of("nam.fnt missing or not a standardised name");
        }
        if (nam.containsKey("gnt") && (!(nam.get("gnt") instanceof String gnt) || gnt.length() > 80
                || !STANDARDISED_NAME.matcher(gnt).matches())) {
            return Optional.of("nam.gnt is not a standardised name");
        }
        for (String key : List.of("fn", "gn")) {
            if (nam.containsKey(key) && (!(nam.get(key) instanceof String s) || s.length() > 80)) {
                return Optional.of("nam." + key + " is not a name");
            }
        }
        if (!(dgc.get("dob") instanceof String dob) || !DOB.matcher(dob).matches()) {
            return Optional.of("dob missing or not a date");
        }
        String group = null;
        for (String g : REQUIRED.keySet()) {
            if (dgc.containsKey(g)) {
                if (group != null) {
                    return Optional.of("more than one of v / t / r");
                }
                group = g;
            }
        }
        if (group == null) {
            return Optional.of("none of v / t / r");
        }
        if (!(dgc.get(group) instanceof List<?> entries) || entries.size() != 1 || !(entries.get(0) instanceof Map<?, ?> entry)) {
            return Optional.of(group + " must hold exactly one entry");
        }
        for (String field : REQUIRED.get(group)) {
            if (!entry.containsKey(field)) {
                return Optional.of(group + "." + field + " missing");
            }
        }
        if ("v".equals(group)) {
            if (!(entry.get("dn") instanceof Long dn) || dn < 1 || dn > 9 || !(entry.get("sd") instanceof Long sd) || sd < 1 || sd > 9) {
                return Optional.of("v.dn / v.sd must be 1..9");
            }
            if (!(entry.get("dt") instanceof String dt) || !DATE.matcher(dt).matches()) {
                return Optional.of("v.dt is not a date");
            }
        }
        if (!(entry.get("ci") instanceof String ci) || ci.isEmpty() || ci.length() > 80) {
            return Optional.of(group + ".ci is not a certificate identifier");
        }
        return Optional.empty();
    }

    /** "v", "t" or "r". Call after {@link #problem} found none. */
    public static String group(Map<?, ?> dgc) {
        return dgc.containsKey("v") ? "v" : dgc.containsKey("t") ? "t" : "r";
    }
}
