package org.onewindow.client.update;

/** The update check could not give an answer IT can trust: unreachable, bad answer, or a bad signature. */
public final class UpdateCheckException extends Exception {
    public UpdateCheckException(String message) {
        super(message);
    }

    public UpdateCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
