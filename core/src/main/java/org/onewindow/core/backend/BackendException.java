package org.onewindow.core.backend;

/** A failed call to the back-end, typed by what the caller should do about it. */
public class BackendException extends Exception {

    public enum Kind {
        /** Connection refused, DNS, network down: retry later, work offline meanwhile. */
        UNREACHABLE(true),
        /** No answer in time: retry later. */
        TIMEOUT(true),
        /** 5xx: the back-end failed; retry later. */
        SERVER_ERROR(true),
        /** 401/403: the session or the workstation is not allowed. */
        UNAUTHORIZED(false),
        /** 4xx: the request will never succeed as it is (blocked until someone acts). */
        REJECTED(false),
        /** The answer does not fit the contract (a lying or wrong back-end). */
        PROTOCOL(true);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        public boolean isTransient() {
            return transientFailure;
        }

        public String messageKey() {
            return "backend.error." + name();
        }
    }

    private final Kind kind;

    public BackendException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public BackendException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
