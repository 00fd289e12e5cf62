package org.onewindow.client.casework;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.onewindow.client.app.I18n;
import org.onewindow.core.casework.MaterialEvidence;
import org.onewindow.core.catalogue.ServiceItem;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.client.verify.VerificationCard;
import org.onewindow.client.verify.VerificationCardViewModel;
import org.onewindow.verification.datashare.DataShareKind;

/** The service case panel: item, materials checklist, reuse offers, scans and data-share checks. */
public final class CaseView extends VBox {

    public CaseView(CaseViewModel vm, I18n i18n) {
        this(vm, i18n, new VerificationCardViewModel(i18n.locale()));
    }

    /** @param credentialCard the result card of the last scanned credential (verdict, issuer, validity, claims) */
    public CaseView(CaseViewModel vm, I18n i18n, VerificationCardViewModel credentialCard) {
        super(10);
        getStyleClass().add("card-box");
        setPadding(new Insets(18));

        Label heading = new Label(i18n.get("case.title"));
        heading.getStyleClass().add("title-4");
        ComboBox<ServiceItem> item = new ComboBox<>(vm.items());
        item.setId("serviceItem");
        item.setMaxWidth(Double.MAX_VALUE);
        item.setConverter(new StringConverter<>() {
            @Override
            public String toString(ServiceItem s) {
                return s == null ? "" : s.name() + "  (" + s.code() + ")";
            }

            @Override
            public ServiceItem fromString(String s) {
                return null;
            }
        });
        vm.itemProperty().addListener((o, a, b) -> item.getSelectionModel().select(b));
        item.setOnAction(e -> {
            if (item.getValue() != null && item.getValue() != vm.itemProperty().get()) {
                vm.selectItem(item.getValue());
            }
        });
        HBox itemRow = new HBox(10, new Label(i18n.get("case.item")), item);
        itemRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(item, Priority.ALWAYS);

        ListView<ChecklistRow> checklist = new ListView<>(vm.rows());
        checklist.setId("checklist");
        checklist.setPrefHeight(170);
        checklist.setMinHeight(140); // the credential card and camera preview must not squeeze the checklist away
        checklist.setFocusTraversable(false);
        checklist.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ChecklistRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setStyle("");
                    return;
                }
                String mark = switch (row.status()) {
                    case SATISFIED -> "✔";
                    case REUSED -> "↺";
                    case WAIVED -> "⚠";
                    case MISSING -> "○";
                };
                setText(mark + " " + row.name() + "  [" + i18n.get(row.required() ? "case.required" : "case.optional")
                        + " · " + i18n.get("case.status." + row.status().name()) + "]\n    " + row.detail());
                setStyle(switch (row.status()) {
                    case SATISFIED, REUSED -> "-fx-text-fill: -color-success-fg;";
                    case WAIVED -> "-fx-text-fill: -color-warning-fg;";
                    case MISSING -> row.required() ? "-fx-text-fill: -color-fg-default;" : "-fx-text-fill: -color-fg-muted;";
                });
            }
        });

        Label reuseTitle = new Label(i18n.get("case.reuseTitle"));
        reuseTitle.getStyleClass().add("text-muted");
        VBox reuse = new VBox(4);
        reuse.setId("reuseOffers");
        reuse.visibleProperty().bind(Bindings.isNotEmpty(vm.reuseOffers()));
        reuse.managedProperty().bind(reuse.visibleProperty());
        vm.reuseOffers().addListener((ListChangeListener<MaterialEvidence>) c -> {
            reuse.getChildren().setAll(reuseTitle);
            for (MaterialEvidence offer : vm.reuseOffers()) {
                Button take = new Button(i18n.get("case.reuse"));
                take.getStyleClass().add("small");
                take.setOnAction(e -> vm.reuse(offer));
                Label what = new Label(offer.label() + " · " + offer.verifiedAt().toString().substring(0, 10));
                HBox line = new HBox(8, take, what);
                line.setAlignment(Pos.CENTER_LEFT);
                reuse.getChildren().add(line);
            }
        });

        FlowPane shares = new FlowPane(8, 6);
        for (DataShareKind kind : DataShareKind.values()) {
            Button b = new Button(i18n.get("case.dataShare.button." + kind.name()));
            b.setId("dataShare-" + kind.path());
            b.setOnAction(e -> vm.runDataShare(kind));
            shares.getChildren().add(b);
        }

        TextField scan = new TextField();
        scan.setId("scanInput");
        scan.setPromptText(i18n.get("case.scanPrompt"));
        scan.setOnAction(e -> {
            String text = scan.getText().trim();
            if (!text.isEmpty()) {
                vm.onScan(new CredentialPresentation(text.getBytes(StandardCharsets.UTF_8), text, "keyboard",
                        Instant.now()));
                scan.clear();
            }
        });
        HBox scanRow = new HBox(10, new Label(i18n.get("case.scan")), scan);
        scanRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(scan, Priority.ALWAYS);

        Label credential = new Label();
        credential.setId("credentialResult");
        credential.setWrapText(true);
        credential.textProperty().bind(Bindings.createStringBinding(() -> describe(vm.lastCredentialProperty().get(), i18n),
                vm.lastCredentialProperty()));
        VerificationCard card = new VerificationCard(credentialCard);
        card.setId("credentialCard");
        card.visibleProperty().bind(vm.lastCredentialProperty().isNotNull());
        card.managedProperty().bind(card.visibleProperty());
        vm.lastCredentialProperty().addListener((obs, was, result) -> {
            if (result == null) {
                credentialCard.clear();
            } else {
                credentialCard.show(result);
            }
        });

        Label message = new Label();
        message.setId("caseMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("text-muted");

        getChildren().addAll(heading, itemRow, new Label(i18n.get("case.checklist")), checklist, reuse, shares,
                scanRow, credential, card, message);
    }

    static String describe(VerificationResult r, I18n i18n) {
        if (r == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(i18n.get("case.credential")).append("：")
                .append(i18n.get("verdict." + r.verdict().name()));
        if (r.reason() != null) {
            b.append(" · ").append(i18n.get(r.reason().messageKey()));
        }
        Object type = r.claims().getOrDefault("typeName", r.claims().get("credentialType"));
        if (type != null) {
            b.append(" · ").append(type);
        }
        Object issuer = r.claims().get("issuer");
        if (issuer != null) {
            b.append(" · ").append(issuer);
        }
        b.append(" · ").append(r.mode().name());
        return b.toString();
    }
}
