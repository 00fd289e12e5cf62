package org.onewindow.core.backend;

/**
 * The hall's back-end as the client sees it. One implementation speaks the OpenAPI contract over HTTP
 * (docs/api/onewindow-backend.yaml); the sandbox back-end serves that same contract. All calls block on
 * the network: never call them on the UI thread.
 */
public interface HallServices {
    BackendHealth health() throws BackendException;

    ClerkSession signIn(String account, char[] password) throws BackendException;

    IdentityCheckResult checkIdentity(IdentityCheckRequest request) throws BackendException;

    ArchiveService archive();
}
