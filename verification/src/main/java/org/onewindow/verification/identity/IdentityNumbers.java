package org.onewindow.verification.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.onewindow.core.identity.IdNumberCheck;
import org.onewindow.core.identity.IdNumberCheck.Problem;
import org.onewindow.core.identity.IdNumbers;

/**
 * Identity-number rules beyond core's GB 11643 check ({@link IdNumbers}):
 * <ul>
 *   <li>resident ID: the full 6-digit region code against the bundled table (withdrawn codes accepted);</li>
 *   <li>HK / Macao / Taiwan residence permits: region code exactly 810000 / 820000 / 830000;</li>
 *   <li>2023 foreign permanent resident card: 9 + province (2) + nationality (3 digits) + birth date (8) +
 *       sequence (3) + MOD 11-2 check, as GB 11643;</li>
 *   <li>2017 foreign permanent resident card: nationality (3 letters, ISO 3166-1 alpha-3) + receiving
 *       authority (4 digits, province first) + birth date YYMMDD + sequence + check digit. Its check-digit
 *       algorithm is not publicly specified, so it is not enforced: structure, province and date are.</li>
 * </ul>
 */
public final class IdentityNumbers {
    private static final Pattern DIGITS18 = Pattern.compile("[0-9]{17}[0-9X]");
    private static final Pattern FOREIGN_2017 = Pattern.compile("[A-Z]{3}[0-9]{12}");

    private IdentityNumbers() {
    }

    public static IdDocumentKind kindOf(String number) {
        String n = normalise(number);
        if (FOREIGN_2017.matcher(n).matches()) {
            return IdDocumentKind.FOREIGN_PERMANENT_2017;
        }
        if (!DIGITS18.matcher(n).matches()) {
            return IdDocumentKind.UNKNOWN;
        }
        return switch (n.substring(0, 2)) {
            case "81" -> IdDocumentKind.RESIDENCE_PERMIT_HONG_KONG;
            case "82" -> IdDocumentKind.RESIDENCE_PERMIT_MACAO;
            case "83" -> IdDocumentKind.RESIDENCE_PERMIT_TAIWAN;
            default -> n.charAt(0) == '9' ? IdDocumentKind.FOREIGN_PERMANENT_2023 : IdDocumentKind.RESIDENT_ID;
        };
    }

    public static IdentityNumberCheck check(String number, LocalDate today) {
        String n = normalise(number);
        IdDocumentKind kind = kindOf(n);
        if (n.isEmpty()) {
            return IdentityNumberCheck.failed(kind, Problem.EMPTY);
        }
        if (kind == IdDocumentKind.FOREIGN_PERMANENT_2017) {
            return check2017(n, today);
        }
        IdNumberCheck core = IdNumbers.check(n, today);
        if (!core.valid()) {
            return IdentityNumberCheck.failed(kind, core.problem());
        }
        RegionCodes regions = RegionCodes.bundled();
        switch (kind) {
            case RESIDENCE_PERMIT_HONG_KONG, RESIDENCE_PERMIT_MACAO, RESIDENCE_PERMIT_TAIWAN -> {
                if (!n.startsWith("0000", 2)) {
                    return IdentityNumberCheck.failed(kind, Problem.UNKNOWN_REGION);
                }
                return new IdentityNumberCheck(kind, true, null, core.birthDate(),
                        regions.find(n.substring(0, 6)).map(RegionCodes.Region::name).orElse(null), null);
            }
            case FOREIGN_PERMANENT_2023 -> {
                String province = n.substring(1, 3) + "0000";
                return new IdentityNumberCheck(kind, true, null, core.birthDate(),
                        regions.find(province).map(RegionCodes.Region::name).orElse(province), "nationality code " + n.substring(3, 6));
            }
            default -> {
                String code = n.substring(0, 6);
                RegionCodes.Judgement j = regions.judge(code);
                if (j == RegionCodes.Judgement.UNKNOWN) {
                    return IdentityNumberCheck.failed(kind, Problem.UNKNOWN_REGION);
                }
                var nearest = regions.nearest(code);
                String note = j == RegionCodes.Judgement.NOT_IN_SUBSET ? "region code not in the bundled table; province checked"
                        : nearest.filter(RegionCodes.Region::historical).map(r -> "historical region code (withdrawn " + r.withdrawn() + ")")
                        .orElse(null);
                return new IdentityNumberCheck(kind, true, null, core.birthDate(),
                        nearest.map(RegionCodes.Region::name).orElse(null), note);
            }
        }
    }

    private static IdentityNumberCheck check2017(String n, LocalDate today) {
        IdDocumentKind kind = IdDocumentKind.FOREIGN_PERMANENT_2017;
        if (RegionCodes.bundled().find(n.substring(3, 5) + "0000").isEmpty()) {
            return IdentityNumberCheck.failed(kind, Problem.UNKNOWN_REGION);
        }
        LocalDate birth;
        try {
            int yy = Integer.parseInt(n.substring(7, 9));
            int month = Integer.parseInt(n.substring(9, 11));
            int day = Integer.parseInt(n.substring(11, 13));
            // two-digit year: the latest century that does not put the birth in the future
            birth = LocalDate.of(2000 + yy, month, day);
            if (birth.isAfter(today)) {
                birth = birth.minusYears(100);
            }
        } catch (DateTimeException e) {
            return IdentityNumberCheck.failed(kind, Problem.IMPOSSIBLE_BIRTH_DATE);
        }
        return new IdentityNumberCheck(kind, true, null, birth,
                RegionCodes.bundled().find(n.substring(3, 5) + "0000").map(RegionCodes.Region::name).orElse(null),
                "nationality " + n.substring(0, 3) + "; check digit not verified (algorithm not public)");
    }

    static String normalise(String number) {
        return number == null ? "" : number.strip().toUpperCase();
    }
}
