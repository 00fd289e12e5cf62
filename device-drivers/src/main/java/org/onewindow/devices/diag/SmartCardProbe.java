package org.onewindow.devices.diag;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * PC/SC readers (passport chips, contactless cards) through javax.smartcardio: lists the terminals, and
 * where a card is present connects and reads its ATR (the test read). No pcscd or no reader is ABSENT,
 * not a fault: many counters have none.
 */
public final class SmartCardProbe implements DeviceProbe {
    @Override
    public String kind() {
        return "pcsc";
    }

    @Override
    public List<DeviceReport> probe() {
        List<CardTerminal> terminals;
        try {
            terminals = TerminalFactory.getDefault().terminals().list();
        } catch (CardException | RuntimeException | LinkageError e) {
            return List.of(DeviceReport.absent(kind(), "(none)",
                    "PC/SC service not available (" + rootMessage(e) + "); on Linux install and start pcscd"));
        }
        if (terminals.isEmpty()) {
            return List.of(DeviceReport.absent(kind(), "(none)", "no PC/SC reader connected"));
        }
        List<DeviceReport> reports = new ArrayList<>();
        for (CardTerminal t : terminals) {
            reports.add(testRead(t));
        }
        return reports;
    }

    private DeviceReport testRead(CardTerminal terminal) {
        Map<String, String> facts = new LinkedHashMap<>();
        try {
            if (!terminal.isCardPresent()) {
                facts.put("card", "none");
                return DeviceReport.ok(kind(), terminal.getName(), "reader ready, no card (put one on to test a read)",
                        facts);
            }
            Card card = terminal.connect("*");
            try {
                facts.put("protocol", card.getProtocol());
                facts.put("atr", HexFormat.of().formatHex(card.getATR().getBytes()));
            } finally {
                card.disconnect(false);
            }
            return DeviceReport.ok(kind(), terminal.getName(), "card answered (ATR read)", facts);
        } catch (CardException | RuntimeException e) {
            return DeviceReport.fault(kind(), terminal.getName(), "reader error: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
