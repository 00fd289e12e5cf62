package org.onewindow.devices.idcard.sim;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.onewindow.core.identity.IdCard;
import org.onewindow.devices.idcard.link.SerialPortLink;

/**
 * Runs the simulated reader on a serial port (one end of a socat pty pair, or a null-modem cable), so
 * {@code onewindow read-card} and the client can be tried without hardware:
 * <pre>
 * socat pty,raw,echo=0,link=/tmp/ttyHost pty,raw,echo=0,link=/tmp/ttyReader &amp;
 * java ... org.onewindow.devices.idcard.sim.SimulatorMain /tmp/ttyReader [CARD] [--uart-timing]
 * </pre>
 * Then type {@code present CARD}, {@code remove} or {@code quit}. CARD is one of the sample names
 * (zhang_wei, li_na, ma_xiulan, anna_schmidt, chan_ka_ming, john_smith_2017).
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SimulatorMain PORT [CARD] [--uart-timing]");
            System.exit(2);
        }
        Map<String, IdCard> cards = samples();
        SimulatedCardSlot slot = new SimulatedCardSlot();
        boolean uartTiming = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--uart-timing")) {
                uartTiming = true;
            } else {
                present(slot, cards, args[i]);
            }
        }
        try (IdReaderSimulator simulator = new IdReaderSimulator(slot, new SimulatorFaults())
                .emulateWireTime(uartTiming)) {
            simulator.serve(SerialPortLink.open(args[0], 115_200));
            System.out.println("simulated ID-card reader on " + args[0] + "; commands: present CARD | remove | quit");
            System.out.println("cards: " + String.join(", ", cards.keySet()));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().split("\\s+");
                switch (words[0]) {
                    case "present" -> present(slot, cards, words.length > 1 ? words[1] : "zhang_wei");
                    case "remove" -> slot.remove();
                    case "quit" -> {
                        return;
                    }
                    default -> System.out.println("present CARD | remove | quit");
                }
            }
        }
    }

    private static void present(SimulatedCardSlot slot, Map<String, IdCard> cards, String name) {
        IdCard card = cards.get(name.toLowerCase(Locale.ROOT));
        if (card == null) {
            System.out.println("unknown card " + name + "; known: " + String.join(", ", cards.keySet()));
            return;
        }
        slot.present(card);
        System.out.println("presented " + card);
    }

    private static Map<String, IdCard> samples() {
        Map<String, IdCard> cards = new TreeMap<>();
        cards.put("zhang_wei", org.onewindow.core.demo.DemoCitizens.ZHANG_WEI);
        cards.put("li_na", org.onewindow.core.demo.DemoCitizens.LI_NA);
        cards.put("ma_xiulan", org.onewindow.core.demo.DemoCitizens.MA_XIULAN);
        cards.put("anna_schmidt", org.onewindow.core.demo.DemoCitizens.ANNA_SCHMIDT);
        cards.put("chan_ka_ming", org.onewindow.core.demo.DemoCitizens.CHAN_KA_MING);
        cards.put("john_smith_2017", SampleCards.JOHN_SMITH_2017);
        return cards;
    }
}
