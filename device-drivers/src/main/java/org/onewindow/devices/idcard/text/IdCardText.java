package org.onewindow.devices.idcard.text;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.identity.IdCardType;
import org.onewindow.core.identity.Sex;

/**
 * The 256-byte UCS-2LE text block of command 30 01, parsed into an {@link IdCard} and encoded back (the
 * simulator and the round-trip tests use the encoder). The card type flag is the character at byte 248:
 * 'I' foreign permanent resident (2017), 'Y' foreign permanent resident (2023), 'J' residence permit
 * for Hong Kong, Macao and Taiwan residents; anything else is a resident ID card.
 *
 * <p>Field widths in bytes (two per character, space-padded):
 * <pre>
 * resident  name 30 | sex 2 | nation 4 | birth 16 | address 70 | number 36 | authority 30 | from 16 | to 16 | reserved 36
 * HMT 'J'   name 30 | sex 2 | reserved 4 | birth 16 | address 70 | number 36 | authority 30 | from 16 | to 16
 *           | pass number 18 | issue count 4 | reserved 6 | flag 2 | reserved 6
 * FPR 2017  English name 120 | sex 2 | number 30 | nationality 6 | Chinese name 30 | from 16 | to 16 | birth 16
 *           | version 4 | authority code 8 | flag 2 | reserved 6
 * FPR 2023  Chinese name 30 | sex 2 | issue count 4 | birth 16 | English name 70 | number 36 | authority 30
 *           | from 16 | to 16 | English name, continued 22 | nationality 6 | flag 2 | reserved 6
 * </pre>
 * The 2023 layout follows the vendors' summaries of the 2023 machine-readable rules (resident-card
 * positions, English name split in two); check it against a real card when one is available.
 */
public final class IdCardText {
    public static final int LENGTH = 256;
    public static final int TYPE_FLAG_OFFSET = 248;
    /** 长期: the validity end of a card that does not expire. */
    public static final String LONG_TERM = "长期";

    private static final Field[] RESIDENT = {
        new Field("name", 30), new Field("sex", 2), new Field("nation", 4), new Field("birth", 16),
        new Field("address", 70), new Field("number", 36), new Field("authority", 30), new Field("from", 16),
        new Field("to", 16), new Field("reserved", 36)};
    private static final Field[] HMT = {
        new Field("name", 30), new Field("sex", 2), new Field("reserved1", 4), new Field("birth", 16),
        new Field("address", 70), new Field("number", 36), new Field("authority", 30), new Field("from", 16),
        new Field("to", 16), new Field("pass", 18), new Field("issues", 4), new Field("reserved2", 6),
        new Field("flag", 2), new Field("reserved3", 6)};
    private static final Field[] FOREIGN_2017 = {
        new Field("englishName", 120), new Field("sex", 2), new Field("number", 30), new Field("nationality", 6),
        new Field("name", 30), new Field("from", 16), new Field("to", 16), new Field("birth", 16),
        new Field("version", 4), new Field("authority", 8), new Field("flag", 2), new Field("reserved", 6)};
    private static final Field[] FOREIGN_2023 = {
        new Field("name", 30), new Field("sex", 2), new Field("issues", 4), new Field("birth", 16),
        new Field("englishName", 70), new Field("number", 36), new Field("authority", 30), new Field("from", 16),
        new Field("to", 16), new Field("englishName2", 22), new Field("nationality", 6), new Field("flag", 2),
        new Field("reserved", 6)};

    private record Field(String name, int bytes) {
    }

    private IdCardText() {
    }

    /** The card type the flag at byte 248 announces. */
    public static IdCardType typeOf(byte[] text) {
        if (text.length < TYPE_FLAG_OFFSET + 2) {
            return IdCardType.RESIDENT;
        }
        char flag = (char) ((text[TYPE_FLAG_OFFSET] & 0xFF) | (text[TYPE_FLAG_OFFSET + 1] & 0xFF) << 8);
        return switch (flag) {
            case 'I' -> IdCardType.FOREIGN_PERMANENT_2017;
            case 'Y' -> IdCardType.FOREIGN_PERMANENT_2023;
            case 'J' -> IdCardType.HMT_RESIDENCE_PERMIT;
            default -> IdCardType.RESIDENT;
        };
    }

    /**
     * Parses a text block. Malformed content (wrong size, impossible dates) fails with
     * {@link DeviceException.Kind#READ_FAILED}; the message names the field, never its value.
     */
    public static IdCard decode(byte[] text, byte[] photoWlt) throws DeviceException {
        if (text == null || text.length != LENGTH) {
            throw new DeviceException(DeviceException.Kind.READ_FAILED,
                    "card text block has " + (text == null ? 0 : text.length) + " bytes, expected " + LENGTH);
        }
        IdCardType type = typeOf(text);
        Fields f = new Fields(text, switch (type) {
            case RESIDENT -> RESIDENT;
            case HMT_RESIDENCE_PERMIT -> HMT;
            case FOREIGN_PERMANENT_2017 -> FOREIGN_2017;
            case FOREIGN_PERMANENT_2023 -> FOREIGN_2023;
        });
        Validity validity = validity(f.get("from"), f.get("to"));
        String number = f.get("number");
        if (number.isEmpty()) {
            throw new DeviceException(DeviceException.Kind.READ_FAILED, "card text has no document number");
        }
        return switch (type) {
            case RESIDENT -> new IdCard(type, f.get("name"), null, sex(f.get("sex")), f.get("nation"),
                    date("birth", f.get("birth")), f.get("address"), number, f.get("authority"), validity.from,
                    validity.to, validity.longTerm, null, null, null, photoWlt, null);
            case HMT_RESIDENCE_PERMIT -> new IdCard(type, f.get("name"), null, sex(f.get("sex")), null,
                    date("birth", f.get("birth")), f.get("address"), number, f.get("authority"), validity.from,
                    validity.to, validity.longTerm, null, f.get("pass"), count(f.get("issues")), photoWlt, null);
            case FOREIGN_PERMANENT_2017 -> new IdCard(type, blankToNull(f.get("name")), f.get("englishName"),
                    sex(f.get("sex")), null, date("birth", f.get("birth")), null, number, f.get("authority"),
                    validity.from, validity.to, validity.longTerm, f.get("nationality"), null, null, photoWlt, null);
            case FOREIGN_PERMANENT_2023 -> new IdCard(type, blankToNull(f.get("name")),
                    (f.getRaw("englishName") + f.getRaw("englishName2")).strip(), sex(f.get("sex")), null,
                    date("birth", f.get("birth")), null, number, f.get("authority"), validity.from, validity.to,
                    validity.longTerm, f.get("nationality"), null, count(f.get("issues")), photoWlt, null);
        };
    }

    /** The text block a card of this content carries. Throws IllegalArgumentException if a field is too long. */
    public static byte[] encode(IdCard card) {
        byte[] out = new byte[LENGTH];
        Writer w;
        switch (card.type()) {
            case RESIDENT -> {
                w = new Writer(out, RESIDENT);
                w.put("name", card.name());
                w.put("sex", sexCode(card.sex()));
                w.put("nation", card.nationCode());
                w.put("address", card.address());
            }
            case HMT_RESIDENCE_PERMIT -> {
                w = new Writer(out, HMT);
                w.put("name", card.name());
                w.put("sex", sexCode(card.sex()));
                w.put("address", card.address());
                w.put("pass", card.passNumber());
                w.put("issues", card.issueCount() == null ? null : String.format("%02d", card.issueCount()));
                w.put("flag", "J");
            }
            case FOREIGN_PERMANENT_2017 -> {
                w = new Writer(out, FOREIGN_2017);
                w.put("englishName", card.englishName());
                w.put("name", card.name());
                w.put("sex", sexCode(card.sex()));
                w.put("nationality", card.nationality());
                w.put("version", "02");
                w.put("flag", "I");
            }
            case FOREIGN_PERMANENT_2023 -> {
                w = new Writer(out, FOREIGN_2023);
                w.put("name", card.name());
                w.put("sex", sexCode(card.sex()));
                w.put("issues", card.issueCount() == null ? null : String.format("%02d", card.issueCount()));
                String english = card.englishName() == null ? "" : card.englishName();
                int firstPart = 35;
                w.put("englishName", english.substring(0, Math.min(firstPart, english.length())));
                w.put("englishName2", english.length() > firstPart ? english.substring(firstPart) : null);
                w.put("nationality", card.nationality());
                w.put("flag", "Y");
            }
            default -> throw new IllegalArgumentException("unknown card type " + card.type());
        }
        w.put("number", card.idNumber());
        w.put("authority", card.issuingAuthority());
        w.put("birth", formatDate(card.birthDate()));
        w.put("from", formatDate(card.validFrom()));
        w.put("to", card.longTerm() ? LONG_TERM : formatDate(card.validUntil()));
        return out;
    }

    /** The added-address block of command 30 03 (70 bytes, UCS-2LE), blank-trimmed. */
    public static String decodeAddedAddress(byte[] block) {
        return strip(new String(block, 0, block.length & ~1, StandardCharsets.UTF_16LE));
    }

    public static byte[] encodeAddedAddress(String address) {
        byte[] out = new byte[70];
        new Writer(out, new Field[] {new Field("address", 70)}).put("address", address);
        return out;
    }

    private record Validity(LocalDate from, LocalDate to, boolean longTerm) {
    }

    private static Validity validity(String from, String to) throws DeviceException {
        LocalDate start = from.isEmpty() ? null : date("valid-from", from);
        if (to.startsWith(LONG_TERM)) {
            return new Validity(start, null, true);
        }
        return new Validity(start, to.isEmpty() ? null : date("valid-to", to), false);
    }

    private static LocalDate date(String field, String yyyymmdd) throws DeviceException {
        if (yyyymmdd.isEmpty()) {
            return null;
        }
        if (yyyymmdd.length() != 8 || !yyyymmdd.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new DeviceException(DeviceException.Kind.READ_FAILED, "card text field " + field
                    + " is not a yyyyMMdd date");
        }
        try {
            return LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new DeviceException(DeviceException.Kind.READ_FAILED, "card text field " + field
                    + " is not a real date", e);
        }
    }

    private static String formatDate(LocalDate date) {
        return date == null ? null : String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(),
                date.getDayOfMonth());
    }

    private static Sex sex(String code) {
        return Sex.fromCode(code);
    }

    private static String sexCode(Sex sex) {
        if (sex == null) {
            return "0";
        }
        return switch (sex) {
            case MALE -> "1";
            case FEMALE -> "2";
            case UNSPECIFIED -> "9";
            case UNKNOWN -> "0";
        };
    }

    private static Integer count(String digits) throws DeviceException {
        if (digits.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            throw new DeviceException(DeviceException.Kind.READ_FAILED, "card text issue count is not a number", e);
        }
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** Trailing blanks and NULs are padding; leading ones are kept out too. */
    private static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\0')) {
            to--;
        }
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\0')) {
            from++;
        }
        return s.substring(from, to);
    }

    private static final class Fields {
        private final java.util.Map<String, String> raw = new java.util.HashMap<>();

        Fields(byte[] text, Field[] layout) {
            int offset = 0;
            for (Field field : layout) {
                raw.put(field.name, new String(text, offset, field.bytes, StandardCharsets.UTF_16LE));
                offset += field.bytes;
            }
        }

        String get(String name) {
            return strip(raw.get(name));
        }

        /** Without stripping: the 2023 English name continues across two fields, spaces included. */
        String getRaw(String name) {
            return raw.get(name).replace('\0', ' ');
        }
    }

    private static final class Writer {
        private final byte[] out;
        private final java.util.Map<String, int[]> where = new java.util.HashMap<>();

        Writer(byte[] out, Field[] layout) {
            this.out = out;
            int offset = 0;
            for (Field field : layout) {
                where.put(field.name, new int[] {offset, field.bytes});
                offset += field.bytes;
            }
            // padding is the space character, in every field
            for (int i = 0; i + 1 < out.length; i += 2) {
                out[i] = ' ';
                out[i + 1] = 0;
            }
        }

        void put(String field, String value) {
            if (value == null) {
                return;
            }
            int[] at = where.get(field);
            byte[] bytes = value.getBytes(StandardCharsets.UTF_16LE);
            if (bytes.length > at[1]) {
                throw new IllegalArgumentException("card field " + field + " holds " + at[1] / 2
                        + " characters, got " + value.length());
            }
            System.arraycopy(bytes, 0, out, at[0], bytes.length);
        }
    }
}
