package org.onewindow.client.signin;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.onewindow.client.app.I18n;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.backend.ClerkSession;
import org.onewindow.core.backend.HallServices;

/** Signs a member of staff in through the back-end; the call runs off the UI thread. */
public final class SignInViewModel {
    private final HallServices backend;
    private final Executor io;
    private final Executor ui;
    private final I18n i18n;
    private final Consumer<ClerkSession> onSignedIn;

    private final StringProperty account = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);

    public SignInViewModel(HallServices backend, Executor io, Executor ui, I18n i18n, Consumer<ClerkSession> onSignedIn) {
        this.backend = backend;
        this.io = io;
        this.ui = ui;
        this.i18n = i18n;
        this.onSignedIn = onSignedIn;
    }

    public void signIn() {
        if (working.get() || account.get().isBlank()) {
            return;
        }
        working.set(true);
        error.set(i18n.get("signin.working"));
        String acc = account.get().trim();
        char[] pw = password.get().toCharArray();
        CompletableFuture.supplyAsync(() -> {
            try {
                return backend.signIn(acc, pw);
            } catch (BackendException e) {
                throw new CompletionException(e);
            } finally {
                java.util.Arrays.fill(pw, '\0');
            }
        }, io).whenCompleteAsync((session, failure) -> {
            working.set(false);
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                String why = cause instanceof BackendException b ? i18n.get(b.kind().messageKey()) : cause.toString();
                error.set(i18n.format("signin.failed", why));
                return;
            }
            password.set("");
            error.set("");
            onSignedIn.accept(session);
        }, ui);
    }

    public StringProperty accountProperty() { return account; }
    public StringProperty passwordProperty() { return password; }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty workingProperty() { return working.getReadOnlyProperty(); }
}
