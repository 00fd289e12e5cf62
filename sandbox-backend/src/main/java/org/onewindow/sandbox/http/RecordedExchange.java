package org.onewindow.sandbox.http;

/** A request/response pair kept for contract tests. */
public record RecordedExchange(String method, String path, String requestContentType, byte[] requestBody,
                               int status, String responseContentType, byte[] responseBody) {
}
