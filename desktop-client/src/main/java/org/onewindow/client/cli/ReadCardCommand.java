package org.onewindow.client.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.identity.IdCard;
import org.onewindow.devices.idcard.ProtocolIdReader;
import org.onewindow.devices.idcard.ReaderSettings;
import org.onewindow.devices.idcard.photo.PhotoDecoder;
import org.onewindow.devices.idcard.photo.WltLibraryPhotoDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code onewindow read-card --port PATH [--baud N] [--reveal]}: reads the card on a serial reader and
 * prints it as JSON, or the typed error as JSON. Exit codes: 0 read, 3 device error, 2 usage error.
 */
@Command(name = "read-card", mixinStandardHelpOptions = true,
        description = "Read the ID card on a serial (GA/T 467-style) reader and print it as JSON. The ID number "
                + "and names are masked and the address left out unless --reveal is given.")
public final class ReadCardCommand implements Callable<Integer> {
    public static final int EXIT_DEVICE_ERROR = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, description = "Serial port: /dev/ttyUSB0, /dev/ttyACM0, COM3, ...")
    String port;

    @Option(names = "--baud", defaultValue = "115200", description = "Line rate (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--reveal", description = "Print the ID number, names and address in clear.")
    boolean reveal;

    @Option(names = "--wait", defaultValue = "0", paramLabel = "SECONDS",
            description = "Wait up to this long for a card to be placed (default: read the card there now).")
    int waitSeconds;

    @Option(names = "--photo-decoder", paramLabel = "LIBRARY",
            description = "WLT photo decoder library (wltGetBMP entry point) to decode the photo.")
    Path photoDecoder;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PhotoDecoder decoder = photoDecoder == null ? PhotoDecoder.notInstalled("no --photo-decoder given")
                : WltLibraryPhotoDecoder.load(photoDecoder);
        try (ProtocolIdReader reader = ProtocolIdReader.serial(port, baud, ReaderSettings.defaults(), decoder)) {
            IdCard card = readCard(reader);
            out.println(IdCardJson.MAPPER.writeValueAsString(IdCardJson.card(card, reveal)));
            out.flush();
            return 0;
        } catch (DeviceException e) {
            return deviceError(out, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return deviceError(out, new DeviceException(DeviceException.Kind.TIMEOUT, "interrupted while waiting for a card"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("JSON output failed", e);
        }
    }

    private IdCard readCard(ProtocolIdReader reader) throws DeviceException, InterruptedException {
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        while (true) {
            try {
                return reader.read();
            } catch (DeviceException e) {
                if (e.kind() != DeviceException.Kind.NO_CARD || System.nanoTime() >= deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private int deviceError(PrintWriter out, DeviceException e) {
        try {
            out.println(IdCardJson.MAPPER.writeValueAsString(IdCardJson.error(e)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException jsonFailure) {
            throw new IllegalStateException("JSON output failed", jsonFailure);
        }
        out.flush();
        return EXIT_DEVICE_ERROR;
    }
}
