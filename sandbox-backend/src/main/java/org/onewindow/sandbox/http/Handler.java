package org.onewindow.sandbox.http;

/** Handles one route. Throw {@link HttpError} for a problem answer. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request) throws Exception;
}
