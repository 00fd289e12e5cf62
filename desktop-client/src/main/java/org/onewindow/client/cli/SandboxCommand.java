package org.onewindow.client.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.onewindow.client.app.ClientSettings;
import org.onewindow.sandbox.SandboxBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onewindow sandbox [--port N] [--data DIR]}: the sandbox back-end on its own. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run the sandbox back-end on its own (loopback only).")
public final class SandboxCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8088", description = "TCP port on 127.0.0.1 (default 8088; 0 = any free)")
    int port;

    @Option(names = "--data", description = "Data folder (default: <client data>/sandbox)")
    Path data;

    @Override
    public Integer call() throws Exception {
        Path dir = data != null ? data : ClientSettings.defaultDataDir().resolve("sandbox");
        SandboxBackend backend = SandboxBackend.start(dir, port);
        Runtime.getRuntime().addShutdownHook(new Thread(backend::close));
        System.out.println("OneWindow sandbox back-end on " + backend.baseUri() + " (data in " + dir + ")");
        Thread.currentThread().join();
        return 0;
    }
}
