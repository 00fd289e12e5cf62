package org.onewindow.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.MrzAccessKey;
import org.onewindow.core.device.PassportData;
import org.onewindow.core.device.PassportException;
import org.onewindow.core.privacy.Masking;
import org.onewindow.devices.passport.JmrtdPassportReader;
import org.onewindow.devices.passport.MrzLine2;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code onewindow read-passport --mrz "LINE 2" [--reader NAME] [--csca FILE]... [--reveal]}: reads a passport
 * chip (ICAO 9303) on a PC/SC reader with Basic Access Control and passive authentication, and prints it as
 * JSON, or the typed error as JSON. Exit codes: 0 read, 3 device error (including a failed passive
 * authentication), 2 usage error (including an MRZ with a wrong check digit).
 */
@Command(name = "read-passport", mixinStandardHelpOptions = true,
        description = "Read a passport chip (ICAO 9303 eMRTD) on a PC/SC reader and print it as JSON. The document "
                + "number and names are masked unless --reveal is given; the face image is summarised, not printed.")
public final class ReadPassportCommand implements Callable<Integer> {
    public static final int EXIT_DEVICE_ERROR = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--mrz", required = true, paramLabel = "LINE2",
            description = "The second line of the passport's MRZ (44 characters, as printed; spaces are ignored).")
    String mrz;

    @Option(names = "--reader", paramLabel = "NAME",
            description = "PC/SC reader name or part of it (default: the first reader with a chip on it).")
    String reader;

    @Option(names = "--csca", paramLabel = "FILE",
            description = "CSCA certificate(s), PEM or DER, to check the document signer against (repeatable). "
                    + "Without it the chain is reported as not checked.")
    List<Path> csca = new ArrayList<>();

    @Option(names = "--reveal", description = "Print the document number and names in clear.")
    boolean reveal;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MrzAccessKey key;
        try {
            key = MrzLine2.parse(mrz);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--mrz: " + e.getMessage());
        }
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path file : csca) {
            try (InputStream in = Files.newInputStream(file)) {
                anchors.addAll(JmrtdPassportReader.loadCertificates(in));
            } catch (IOException | GeneralSecurityException e) {
                throw new ParameterException(spec.commandLine(), "--csca " + file + ": not a certificate file ("
                        + e.getMessage() + ")");
            }
        }
        try {
            PassportData data = new JmrtdPassportReader(reader, anchors).read(key);
            print(out, json(data, reveal));
            return 0;
        } catch (PassportException e) {
            ObjectNode error = IdCardJson.error(e);
            ((ObjectNode) error.get("error")).put("reason", e.reason().name());
            print(out, error);
            return EXIT_DEVICE_ERROR;
        } catch (DeviceException e) {
            print(out, IdCardJson.error(e));
            return EXIT_DEVICE_ERROR;
        }
    }

    static ObjectNode json(PassportData data, boolean reveal) {
        ObjectNode json = IdCardJson.MAPPER.createObjectNode();
        json.put("documentCode", data.documentCode());
        json.put("revealed", reveal);
        json.put("documentNumber", reveal ? data.documentNumber() : Masking.idNumber(data.documentNumber()));
        json.put("issuingState", data.issuingState());
        json.put("surname", reveal ? data.primaryIdentifier() : Masking.name(data.primaryIdentifier()));
        json.put("givenNames", reveal ? data.secondaryIdentifier() : Masking.name(data.secondaryIdentifier()));
        json.put("nationality", data.nationality());
        json.put("dateOfBirth", date(data.dateOfBirth()));
        json.put("sex", data.sex());
        json.put("dateOfExpiry", date(data.dateOfExpiry()));
        ObjectNode face = json.putObject("face");
        face.put("mimeType", data.faceMimeType());
        face.put("bytes", data.faceImage() == null ? 0 : data.faceImage().length);
        PassportData.PassiveAuthentication pa = data.passiveAuthentication();
        ObjectNode passive = json.putObject("passiveAuthentication");
        passive.put("passed", pa.passed());
        var groups = passive.putArray("dataGroupHashesVerified");
        pa.checkedDataGroups().forEach(groups::add);
        passive.put("signatureValid", pa.signatureValid());
        passive.put("cscaChain", pa.chain().name());
        passive.put("documentSigner", pa.signer());
        passive.put("detail", pa.detail());
        return json;
    }

    private static void print(PrintWriter out, ObjectNode json) {
        try {
            out.println(IdCardJson.MAPPER.writeValueAsString(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("JSON output failed", e);
        }
        out.flush();
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
