package org.onewindow.client.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.core.privacy.Masking;

/**
 * The last line of defence for citizen data in logs: code logs masked values only, but a stack trace, a
 * back-end error text or a driver message can still carry an ID number. Applied when a log line is
 * written ({@link MaskedMessageConverter}) and again to every line that goes into a support bundle.
 */
public final class LogMasking {
    /** An 18-character resident ID number (17 digits and a check character) not inside a longer token. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])([0-9]{17}[0-9Xx])(?![0-9A-Za-z])");

    private LogMasking() {
    }

    public static String mask(String line) {
        if (line == null || line.length() < 18) {
            return line;
        }
        Matcher m = ID_NUMBER.matcher(line);
        if (!m.find()) {
            return line;
        }
        StringBuilder b = new StringBuilder(line.length());
        do {
            m.appendReplacement(b, Matcher.quoteReplacement(Masking.idNumber(m.group(1))));
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }
}
