package org.onewindow.client.queue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.onewindow.core.queue.Ticket;
import org.onewindow.core.queue.TransferTarget;
import org.onewindow.core.queue.WindowStatus;

/**
 * The clerk's queue panel: binds to a {@link QueueViewModel} and never calls the back-end itself. Function
 * keys work anywhere in the scene the panel is placed in: F1 call next, F2 recall, F3 transfer (to the
 * target chosen in the list; opens the list when none is chosen), F4 no-show, F5 park, F6 resume the
 * selected (or oldest) parked ticket, F7 pause / open the window, F8 finish.
 */
public final class QueueView extends VBox {
    /** The function keys, in the order the buttons show them. */
    public static final Map<String, KeyCode> SHORTCUTS = shortcuts();

    private final QueueViewModel model;
    private final ResourceBundle messages;
    private final ComboBox<TransferTarget> transferTarget = new ComboBox<>();
    private final ListView<Ticket> parkedList = new ListView<>();

    public QueueView(QueueViewModel model, ResourceBundle messages) {
        this.model = model;
        this.messages = messages;
        getStyleClass().add("queue-panel");
        setSpacing(10);
        setPadding(new Insets(12));

        Label windowName = label("windowName");
        windowName.textProperty().bind(model.windowNameProperty());
        Label status = label("windowStatus");
        status.textProperty().bind(Bindings.createStringBinding(
                () -> messages.getString("status." + model.statusProperty().get().name()), model.statusProperty()));
        Label connection = label("connection");
        connection.textProperty().bind(Bindings.when(model.connectedProperty())
                .then(messages.getString("connection.up")).otherwise(messages.getString("connection.down")));
        Label clerk = label("clerkName");
        clerk.textProperty().bind(model.clerkNameProperty());
        HBox header = new HBox(12, windowName, status, clerk, connection);
        header.setAlignment(Pos.CENTER_LEFT);

        Label currentCaption = new Label(messages.getString("current.label"));
        Label currentNumber = label("currentNumber");
        currentNumber.setStyle("-fx-font-size: 40px; -fx-font-weight: bold;");
        currentNumber.textProperty().bind(Bindings.createStringBinding(() -> {
            String n = model.currentNumberProperty().get();
            return n.isEmpty() ? messages.getString("current.none") : n;
        }, model.currentNumberProperty()));
        Label waited = label("waited");
        waited.textProperty().bind(Bindings.createStringBinding(() -> {
            String w = model.waitedProperty().get();
            return w.isEmpty() ? "" : messages.getString("waited.label").formatted(w);
        }, model.waitedProperty()));
        Label waitingCount = label("waitingCount");
        waitingCount.textProperty().bind(Bindings.createStringBinding(
                () -> messages.getString("waiting.label").formatted(model.waitingCountProperty().get()),
                model.waitingCountProperty()));
        VBox current = new VBox(4, currentCaption, currentNumber, waited, waitingCount);

        BooleanBinding idle = model.busyProperty().not();
        BooleanBinding serving = model.servingBinding();
        Button callNext = button("callNextButton", "action.callNext", "F1", model::callNext,
                idle.and(model.statusProperty().isEqualTo(WindowStatus.OPEN)));
        Button recall = button("recallButton", "action.recall", "F2", model::recall, serving);
        Button transfer = button("transferButton", "action.transfer", "F3", this::transfer, serving);
        Button noShow = button("noShowButton", "action.noShow", "F4", model::noShow, serving);
        Button park = button("parkButton", "action.park", "F5", model::park, serving);
        Button resumeParked = button("resumeParkedButton", "action.resumeParked", "F6", this::resumeParked,
                idle.and(Bindings.isNotEmpty(model.parked())));
        Button pause = button("pauseButton", "action.pause", "F9", model::togglePause, idle);
        pause.textProperty().bind(Bindings.createStringBinding(() -> "F9 " + messages.getString(
                model.statusProperty().get() == WindowStatus.OPEN ? "action.pause" : "action.resume"), model.statusProperty()));
        // no finish button here: the clerk finishes with F12, which closes the case (rating, archive) and the ticket
        FlowPane buttons = new FlowPane(8, 8, callNext, recall, transfer, noShow, park, resumeParked, pause);

        transferTarget.setId("transferTarget");
        transferTarget.setPromptText(messages.getString("transfer.prompt"));
        transferTarget.setItems(model.transferTargets());
        transferTarget.setConverter(new StringConverter<>() {
            @Override
            public String toString(TransferTarget target) {
                return model.describe(target);
            }

            @Override
            public TransferTarget fromString(String text) {
                return null;
            }
        });

        Label parkedCaption = new Label(messages.getString("parked.label"));
        parkedList.setId("parkedList");
        parkedList.setItems(model.parked());
        parkedList.setPrefHeight(110);
        parkedList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Ticket ticket, boolean empty) {
                super.updateItem(ticket, empty);
                setText(empty || ticket == null ? null : ticket.number());
            }
        });
        VBox.setVgrow(parkedList, Priority.SOMETIMES);

        Label message = label("queueMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        getChildren().addAll(header, current, buttons, transferTarget, parkedCaption, parkedList, message);

        Map<String, Runnable> byName = Map.of("callNext", model::callNext, "recall", model::recall,
                "transfer", this::transfer, "noShow", model::noShow, "park", model::park,
                "resumeParked", this::resumeParked, "togglePause", model::togglePause, "finish", model::finish);
        Map<KeyCode, Runnable> actions = new LinkedHashMap<>();
        SHORTCUTS.forEach((name, key) -> actions.put(key, byName.get(name)));
        // a filter, not accelerators: it sees the key before any focused control can use it (on Windows a
        // focused ComboBox takes F4 to open its list)
        EventHandler<KeyEvent> functionKeys = e -> {
            Runnable action = actions.get(e.getCode());
            if (action != null && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
                e.consume();
                action.run();
            }
        };
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, functionKeys);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, functionKeys);
            }
        });
    }

    /** F3: transfer to the chosen target; with none chosen, open the list so the clerk picks one. */
    private void transfer() {
        TransferTarget target = transferTarget.getValue();
        if (target == null) {
            transferTarget.requestFocus();
            transferTarget.show();
            return;
        }
        model.transfer(target);
        transferTarget.getSelectionModel().clearSelection();
    }

    /** F6: the selected parked ticket, or the oldest. */
    private void resumeParked() {
        Ticket selected = parkedList.getSelectionModel().getSelectedItem();
        if (selected == null && !model.parked().isEmpty()) {
            selected = model.parked().get(0);
        }
        model.resumeParked(selected);
    }

    private Button button(String id, String textKey, String key, Runnable action, BooleanBinding enabled) {
        Button b = new Button(key + " " + messages.getString(textKey));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(enabled.not());
        b.setTooltip(new Tooltip(key));
        b.setFocusTraversable(true);
        return b;
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        return l;
    }

    private static Map<String, KeyCode> shortcuts() {
        Map<String, KeyCode> m = new LinkedHashMap<>();
        m.put("callNext", KeyCode.F1);
        m.put("recall", KeyCode.F2);
        m.put("transfer", KeyCode.F3);
        m.put("noShow", KeyCode.F4);
        m.put("park", KeyCode.F5);
        m.put("resumeParked", KeyCode.F6);
        // F7/F8 belong to the identity panel (read card, reveal); F12 finishes the whole case, ticket included
        m.put("togglePause", KeyCode.F9);
        return java.util.Collections.unmodifiableMap(m);
    }
}
