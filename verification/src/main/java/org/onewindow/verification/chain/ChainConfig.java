package org.onewindow.verification.chain;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.onewindow.verification.backend.HttpHallServices;
import org.onewindow.verification.trust.TrustStore;

/**
 * What the verifier chain needs.
 *
 * @param clock             the validation clock (the command line's --at sets a fixed one)
 * @param trust             cached and imported trust data, with its maximum age
 * @param backend           the back-end for online formats; null when the workstation is offline by design
 * @param keyBindingMaxAge  how old an SD-JWT key-binding proof may be
 */
public record ChainConfig(Clock clock, TrustStore trust, HttpHallServices backend, Duration keyBindingMaxAge) {
    public ChainConfig {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(trust, "trust");
        keyBindingMaxAge = keyBindingMaxAge == null ? Duration.ofMinutes(5) : keyBindingMaxAge;
    }

    public static ChainConfig offline(Clock clock, TrustStore trust) {
        return new ChainConfig(clock, trust, null, null);
    }

    public static ChainConfig online(Clock clock, TrustStore trust, HttpHallServices backend) {
        return new ChainConfig(clock, trust, backend, null);
    }
}
