package org.onewindow.verification.chain;

import java.util.ArrayList;
import java.util.List;
import org.onewindow.verification.claim169.Claim169Verifier;
import org.onewindow.verification.elicense.OfflineElicenseVerifier;
import org.onewindow.verification.hcert.HcertVerifier;
import org.onewindow.verification.identity.IdentityNumberVerifier;
import org.onewindow.verification.online.OnlineCredentialVerifier;
import org.onewindow.verification.sdjwt.SdJwtVerifier;

/** Builds the verifier chain from its configuration: the composition root calls {@link #create}. */
public final class VerifierChains {
    private VerifierChains() {
    }

    public static VerifierChain create(ChainConfig config) {
        List<FormatVerifier> verifiers = new ArrayList<>();
        verifiers.add(new HcertVerifier(config.trust(), config.clock()));
        verifiers.add(new OnlineCredentialVerifier(config.backend(), config.clock()));
        verifiers.add(new OfflineElicenseVerifier(config.trust(), config.clock()));
        verifiers.add(new SdJwtVerifier(config.trust(), config.clock(), config.keyBindingMaxAge()));
        verifiers.add(new IdentityNumberVerifier(config.clock()));
        verifiers.add(new Claim169Verifier(config.trust(), config.clock()));
        return new VerifierChain(verifiers, config.clock());
    }
}
