package org.onewindow.client.document;

import java.io.ByteArrayInputStream;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.onewindow.client.app.I18n;
import org.onewindow.devices.document.CapturedPage;

/**
 * The document camera window: captured pages as thumbnails, buttons to capture, delete, reorder and add to
 * the case under a page type. Keys: Enter captures, Delete removes, Alt+Up/Down reorders the selected page.
 */
public final class DocumentCaptureView extends VBox {
    private final DocumentCaptureViewModel vm;
    private final ListView<CapturedPage> list = new ListView<>();
    private final ComboBox<String> pageType = new ComboBox<>();

    /** @param pageTypes the page types the case still needs, each with the material it satisfies (shown) */
    public DocumentCaptureView(DocumentCaptureViewModel vm, I18n i18n, java.util.Map<String, String> pageTypes) {
        this.vm = vm;
        setSpacing(8);
        setPadding(new Insets(12));
        list.setId("docPages");
        list.setItems(vm.pages());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CapturedPage page, boolean empty) {
                super.updateItem(page, empty);
                if (empty || page == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                ImageView thumb = new ImageView(new Image(new ByteArrayInputStream(page.jpeg()), 90, 120, true, true));
                setGraphic(thumb);
                setText((getIndex() + 1) + (page.cropped() ? "" : " *"));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button capture = button("docCapture", i18n.get("doc.capture"), () -> vm.capture());
        capture.disableProperty().bind(vm.capturingProperty());
        Button delete = button("docDelete", i18n.get("doc.delete"), this::deleteSelected);
        Button up = button("docUp", i18n.get("doc.up"), () -> move(true));
        Button down = button("docDown", i18n.get("doc.down"), () -> move(false));
        pageType.setId("docPageType");
        pageType.setItems(FXCollections.observableArrayList(pageTypes.keySet()));
        // the clerk picks the material (近期免冠彩色照片), the case gets its page type code
        pageType.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String type) {
                return type == null ? "" : pageTypes.getOrDefault(type, type);
            }

            @Override
            public String fromString(String text) {
                return pageTypes.entrySet().stream().filter(e -> e.getValue().equals(text)).map(java.util.Map.Entry::getKey)
                        .findFirst().orElse(text);
            }
        });
        if (!pageTypes.isEmpty()) {
            pageType.getSelectionModel().selectFirst();
        }
        pageType.setEditable(pageTypes.isEmpty());
        Button add = button("docAddToCase", i18n.get("doc.addToCase"), () -> {
            if (vm.addToCase(pageType.getValue()) && getScene() != null && getScene().getWindow() != null) {
                getScene().getWindow().hide();
            }
        });
        add.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.pages()));
        Label message = new Label();
        message.setId("docMessage");
        message.textProperty().bind(vm.messageProperty());
        getChildren().addAll(list, new HBox(8, capture, delete, up, down), new HBox(8, pageType, add), message);
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !pageType.isFocused()) {
                vm.capture();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
                e.consume();
            } else if (e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                move(e.getCode() == KeyCode.UP);
                e.consume();
            }
        });
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void deleteSelected() {
        int i = list.getSelectionModel().getSelectedIndex();
        vm.delete(i);
    }

    private void move(boolean up) {
        int i = list.getSelectionModel().getSelectedIndex();
        if (i < 0) {
            return;
        }
        int to = up ? vm.moveUp(i) : vm.moveDown(i);
        list.getSelectionModel().clearAndSelect(to);
    }

    public ListView<CapturedPage> pageList() {
        return list;
    }
}
