package org.onewindow.client.provisioning;

import java.nio.file.Path;
import java.util.List;

/** A self-signed certificate as PKCS#12 and PEM, made with the JDK's keytool (what IT would use too). */
record TestCertificates(Path p12, Path pem) {
    static TestCertificates make(Path dir, String password) throws Exception {
        Path p12 = dir.resolve("ws.p12");
        Path pem = dir.resolve("ca-real.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-keystore", p12.toString(), "-storetype", "PKCS12", "-storepass", password,
                "-alias", "ws", "-keyalg", "EC", "-dname", "CN=WS-JN-08", "-validity", "30"));
        run(List.of(keytool, "-exportcert", "-rfc", "-keystore", p12.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-alias", "ws", "-file", pem.toString()));
        return new TestCertificates(p12, pem);
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }
}
