package org.onewindow.verification.chain;

import java.util.List;

/** Format names as they appear in results, trust-list entries and the command line. */
public final class Formats {
    public static final String HCERT = "hcert";
    public static final String CLAIM_169 = "mosip-claim169";
    public static final String SD_JWT_VC = "sd-jwt-vc";
    public static final String JWT_VC = "jwt-vc";
    public static final String OFFLINE_ELICENSE = "onewindow-elicense";
    public static final String ONLINE_CREDENTIAL = "online-credential";
    public static final String UNKNOWN = "unknown";

    /** The checks results may carry, in the order the command line prints them. */
    public static final List<String> CHECKS = List.of(Checks.DECODE, Checks.SIGNATURE, Checks.TRUST, Checks.EXPIRY,
            Checks.SCHEMA, Checks.REVOCATION, Checks.TYPE, Checks.CERTIFICATE, Checks.DISCLOSURES, Checks.KEY_BINDING,
            Checks.ONLINE, Checks.TRUST_DATA_FRESH);

    private Formats() {
    }

    /** Names of the checks. */
    public static final class Checks {
        public static final String DECODE = "decode";
        public static final String SIGNATURE = "signature";
        public static final String TRUST = "trust";
        public static final String EXPIRY = "expiry";
        public static final String SCHEMA = "schema";
        public static final String REVOCATION = "revocation";
        public static final String TYPE = "type";
        /** The signing certificate was valid when the credential was issued and its key usage allows it. */
        public static final String CERTIFICATE = "certificate";
        public static final String DISCLOSURES = "disclosures";
        public static final String KEY_BINDING = "keyBinding";
        /** The back-end confirmed the credential. */
        public static final String ONLINE = "online";
        public static final String TRUST_DATA_FRESH = "trustDataFresh";

        private Checks() {
        }
    }
}
