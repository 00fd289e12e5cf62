package org.onewindow.client.signin;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.onewindow.client.app.I18n;

/** The sign-in form; binds to {@link SignInViewModel}. */
public final class SignInView extends StackPane {

    public SignInView(SignInViewModel vm, I18n i18n, boolean demo) {
        Label title = new Label(i18n.get("app.title"));
        title.getStyleClass().addAll("title-2", "app-title");
        Label subtitle = new Label(i18n.get("app.subtitle"));
        subtitle.getStyleClass().add("text-muted");

        TextField account = new TextField();
        account.setId("account");
        account.textProperty().bindBidirectional(vm.accountProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        Button submit = new Button(i18n.get("signin.submit"));
        submit.setId("signIn");
        submit.setDefaultButton(true);
        submit.getStyleClass().add("accent");
        submit.disableProperty().bind(vm.workingProperty());
        submit.setOnAction(e -> vm.signIn());
        submit.setMaxWidth(Double.MAX_VALUE);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label(i18n.get("signin.account")), account);
        form.addRow(1, new Label(i18n.get("signin.password")), password);

        Label error = new Label();
        error.setId("signInError");
        error.getStyleClass().add("danger-text");
        error.textProperty().bind(vm.errorProperty());
        error.setWrapText(true);

        VBox box = new VBox(14, title, subtitle, form, submit, error);
        if (demo) {
            Label hint = new Label(i18n.get("signin.demoHint"));
            hint.getStyleClass().add("text-muted");
            box.getChildren().add(hint);
        }
        box.setPadding(new Insets(32));
        box.setMaxWidth(420);
        box.setMaxHeight(USE_PREF_SIZE);
        box.getStyleClass().add("card-box");
        setAlignment(Pos.CENTER);
        getChildren().add(box);
        account.requestFocus();
    }
}
