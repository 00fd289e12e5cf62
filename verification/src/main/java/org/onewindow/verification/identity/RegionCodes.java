package org.onewindow.verification.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bundled GB/T 2260 region-code table (region-codes.tsv beside this class), withdrawn codes included:
 * a number assigned under a code stays valid after the district is merged or renamed. The table is a
 * subset; its header states the coverage, and {@link #judge} only says "unknown" where the table is
 * complete for that prefix.
 */
public final class RegionCodes {
    /** A region code with its name and the year it was withdrawn (null = current). */
    public record Region(String code, String name, Integer withdrawn) {
        public boolean historical() {
            return withdrawn != null;
        }
    }

    /** What the table can say about a 6-digit code. */
    public enum Judgement {
        /** Listed (current or withdrawn). */
        KNOWN,
        /** Not listed, and the table does not claim completeness there: the province is known. */
        NOT_IN_SUBSET,
        /** Not a code: the province is unknown, or the table is complete for the prefix and lacks it. */
        UNKNOWN
    }

    private static final RegionCodes BUNDLED = load();

    private final Map<String, Region> byCode;
    private final Set<String> completePrefixes;

    private RegionCodes(Map<String, Region> byCode, Set<String> completePrefixes) {
        this.byCode = Map.copyOf(byCode);
        this.completePrefixes = Set.copyOf(completePrefixes);
    }

    public static RegionCodes bundled() {
        return BUNDLED;
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Judgement judge(String code) {
        if (code == null || code.length() != 6) {
            return Judgement.UNKNOWN;
        }
        if (byCode.containsKey(code)) {
            return Judgement.KNOWN;
        }
        if (!byCode.containsKey(code.substring(0, 2) + "0000") || completePrefixes.contains(code.substring(0, 4))) {
            return Judgement.UNKNOWN;
        }
        return Judgement.NOT_IN_SUBSET;
    }

    /** The most specific listed region for a code: the county, else its prefecture, else its province. */
    public Optional<Region> nearest(String code) {
        for (String c : new String[] {code, code.substring(0, 4) + "00", code.substring(0, 2) + "0000"}) {
            if (byCode.containsKey(c)) {
                return Optional.of(byCode.get(c));
            }
        }
        return Optional.empty();
    }

    public int size() {
        return byCode.size();
    }

    private static RegionCodes load() {
        Map<String, Region> map = new HashMap<>();
        Set<String> complete = new HashSet<>();
        try (InputStream in = RegionCodes.class.getResourceAsStream("region-codes.tsv")) {
            if (in == null) {
                throw new IllegalStateException("region-codes.tsv missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("# complete:")) {
                    for (String p : line.substring("# complete:".length()).trim().split("\\s+")) {
                        complete.add(p);
                    }
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    map.put(f[0], new Region(f[0], f[1], f.length > 2 && !f[2].isBlank() ? Integer.valueOf(f[2]) : null));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RegionCodes(map, complete);
    }
}
