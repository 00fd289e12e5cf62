package org.onewindow.sandbox;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import org.onewindow.sandbox.http.Router;
import org.onewindow.sandbox.store.SandboxDatabase;

/** What every feature gets: the store, the router, the clock, the data folder and the signing key. */
public record SandboxContext(SandboxDatabase db, Router router, Clock clock, Path dataDir, KeyPair signingKey,
                             Sessions sessions) {
}
