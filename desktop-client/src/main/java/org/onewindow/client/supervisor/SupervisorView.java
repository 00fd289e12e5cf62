package org.onewindow.client.supervisor;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.onewindow.client.app.I18n;
import org.onewindow.core.rating.RatingLevel;
import org.onewindow.core.supervisor.AuditRecord;
import org.onewindow.core.supervisor.HallAlert;
import org.onewindow.core.supervisor.HallStats;
import org.onewindow.core.supervisor.RatingSummary;

/**
 * The hall supervisor's dashboard: categories and windows live, alerts to acknowledge, ratings, charts, the
 * audit trail, actions and exports. Binds to {@link SupervisorViewModel}; a one-second timeline asks it to
 * tick so durations age and thresholds are checked between pushed events.
 */
public final class SupervisorView extends BorderPane {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final SupervisorViewModel vm;
    private final I18n i18n;
    private final Timeline ticker;
    private final TableView<WindowRow> windowTable = new TableView<>();
    private final TableView<CategoryRow> categoryTable = new TableView<>();

    /**
     * @param toClerk  switches to the clerk workspace (the supervisor also serves at a window), or null
     * @param wallMode opens the full-screen wall display
     */
    public SupervisorView(SupervisorViewModel vm, I18n i18n, String supervisorName, Runnable toClerk, Runnable wallMode,
                          Runnable signOut) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("supervisor-view");
        setTop(topBar(supervisorName, toClerk, wallMode, signOut));
        TabPane tabs = new TabPane(
                new Tab(i18n.get("supervisor.tab.overview"), overview()),
                new Tab(i18n.get("supervisor.tab.charts"), charts()),
                new Tab(i18n.get("supervisor.tab.audit"), auditTable()));
        tabs.setId("supervisorTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        Label message = new Label();
        message.setId("supervisorMessage");
        message.textProperty().bind(vm.messageProperty());
        HBox bottom = new HBox(message);
        bottom.setPadding(new Insets(6, 20, 8, 20));
        setBottom(bottom);

        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                ticker.play();
            } else {
                ticker.stop();
            }
        });
    }

    private HBox topBar(String supervisorName, Runnable toClerk, Runnable wallMode, Runnable signOut) {
        Label title = new Label(i18n.get("supervisor.title"));
        title.getStyleClass().addAll("title-3", "app-title");
        Label hall = new Label(vm.hall());
        hall.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label freshness = new Label();
        freshness.setId("freshness");
        freshness.textProperty().bind(vm.freshnessProperty());
        freshness.styleProperty().bind(Bindings.when(vm.staleProperty())
                .then("-fx-text-fill: -color-warning-fg; -fx-font-weight: bold;")
                .otherwise("-fx-text-fill: -color-success-fg;"));
        Label totals = new Label();
        totals.setId("totals");
        totals.textProperty().bind(vm.totalsProperty());
        Button wall = button("wallMode", "supervisor.wall", wallMode);
        Button csv = button("exportCsv", "supervisor.exportCsv", () -> export("csv"));
        Button pdf = button("exportPdf", "supervisor.exportPdf", () -> export("pdf"));
        Button settings = button("alertSettings", "supervisor.alertSettings", this::editSettings);
        HBox bar = new HBox(12, title, hall, spacer, freshness, totals, wall, csv, pdf, settings);
        if (toClerk != null) {
            bar.getChildren().add(button("toClerk", "supervisor.toClerk", toClerk));
        }
        Label who = new Label(i18n.format("clerk.signedInAs", supervisorName));
        bar.getChildren().addAll(who, button("signOut", "clerk.signOut", signOut));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 20, 10, 20));
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    // ---- overview --------------------------------------------------------------------------------

    private GridPane overview() {
        categoryTable.setId("categoryTable");
        categoryTable.setItems(vm.categories());
        categoryTable.getColumns().setAll(List.of(
                column(i18n.get("supervisor.col.category"), CategoryRow::name, 90),
                column(i18n.get("supervisor.col.waiting"), r -> String.valueOf(r.waiting()), 70),
                column(i18n.get("supervisor.col.longestWait"), r -> vm.minutes(r.longestWait()), 100),
                column(i18n.get("supervisor.col.avgWait"), r -> vm.minutes(r.averageWait()), 100),
                column(i18n.get("supervisor.col.avgService"), r -> vm.minutes(r.averageService()), 100),
                column(i18n.get("supervisor.col.served"), r -> String.valueOf(r.served()), 70)));
        categoryTable.setRowFactory(t -> alertingRow(CategoryRow::alerting));
        categoryTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        categoryTable.setFixedCellSize(30);
        fitRows(categoryTable);
        Button move = button("moveTickets", "supervisor.moveTickets", this::moveTickets);
        VBox categoriesBox = section("supervisor.section.categories", categoryTable, move);

        windowTable.setId("windowTable");
        windowTable.setItems(vm.windows());
        TableColumn<WindowRow, String> status = column(i18n.get("supervisor.col.status"), WindowRow::statusText, 190);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeAll("status-serving", "status-idle", "status-paused", "status-offline");
                WindowRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                if (row != null) {
                    getStyleClass().add("status-" + row.status().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        windowTable.getColumns().setAll(List.of(
                column(i18n.get("supervisor.col.window"), WindowRow::name, 90),
                status,
                column(i18n.get("supervisor.col.clerk"), WindowRow::clerk, 90),
                column(i18n.get("supervisor.col.categories"), r -> String.join("、", r.categories()), 160),
                column(i18n.get("supervisor.col.served"), r -> String.valueOf(r.served()), 60)));
        windowTable.setRowFactory(t -> alertingRow(WindowRow::alerting));
        windowTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        windowTable.setFixedCellSize(30);
        fitRows(windowTable);
        Button pause = button("pauseWindow", "supervisor.pause", () -> selectedWindow(w -> vm.pauseWindow(w.windowId())));
        Button resume = button("resumeWindow", "supervisor.resume", () -> selectedWindow(w -> vm.resumeWindow(w.windowId())));
        Button cats = button("editCategories", "supervisor.editCategories", () -> selectedWindow(this::editCategories));
        pause.disableProperty().bind(windowTable.getSelectionModel().selectedItemProperty().isNull());
        resume.disableProperty().bind(windowTable.getSelectionModel().selectedItemProperty().isNull());
        cats.disableProperty().bind(windowTable.getSelectionModel().selectedItemProperty().isNull());
        VBox windowsBox = section("supervisor.section.windows", windowTable, pause, resume, cats);

        ListView<HallAlert> alertList = new ListView<>(vm.alerts());
        alertList.setId("alertList");
        alertList.setPlaceholder(new Label(i18n.get("supervisor.noAlerts")));
        alertList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(HallAlert a, boolean empty) {
                super.updateItem(a, empty);
                getStyleClass().removeAll("alert-open", "alert-acked");
                setText(empty || a == null ? null : vm.label(a));
                setWrapText(true);
                setPrefWidth(0);
                if (a != null && !empty) {
                    getStyleClass().add(a.acknowledged() ? "alert-acked" : "alert-open");
                }
            }
        });
        VBox.setVgrow(alertList, Priority.ALWAYS);
        Button ack = button("ackAlert", "supervisor.ack", () -> vm.acknowledge(alertList.getSelectionModel().getSelectedItem()));
        ack.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            HallAlert a = alertList.getSelectionModel().getSelectedItem();
            return a == null || a.acknowledged() || a.id() == 0;
        }, alertList.getSelectionModel().selectedItemProperty(), vm.alerts()));
        CheckBox sound = new CheckBox(i18n.get("supervisor.sound"));
        sound.setId("alertSound");
        sound.setSelected(vm.settingsProperty().get().sound());
        sound.selectedProperty().addListener((obs, was, on) -> {
            if (on != vm.settingsProperty().get().sound()) {
                vm.applySettings(vm.settingsProperty().get().withSound(on));
            }
        });
        vm.settingsProperty().addListener((obs, old, now) -> sound.setSelected(now.sound()));
        VBox alertsBox = section("supervisor.section.alerts", alertList, ack, sound);
        VBox.setVgrow(alertsBox, Priority.ALWAYS);

        Label ratings = new Label();
        ratings.setId("ratingsSummary");
        ratings.setWrapText(true);
        ratings.textProperty().bind(Bindings.createStringBinding(() -> ratingsText(vm.ratingsProperty().get()),
                vm.ratingsProperty()));
        VBox ratingsBox = section("supervisor.section.ratings", ratings);

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(12);
        grid.setPadding(new Insets(14, 20, 6, 20));
        // the day's waiting curve fills the rest of the left column, so the overview alone tells the story
        SupervisorCharts trend = new SupervisorCharts(i18n);
        trend.waiting.setId("overviewWaitingChart");
        trend.show(vm.statsProperty().get());
        vm.statsProperty().addListener((obs, old, st) -> trend.show(st));
        VBox left = new VBox(12, categoriesBox, windowsBox, trend.waiting);
        VBox.setVgrow(trend.waiting, Priority.ALWAYS);
        grid.add(left, 0, 0);
        VBox right = new VBox(12, alertsBox, ratingsBox);
        grid.add(right, 1, 0);
        var leftCol = new javafx.scene.layout.ColumnConstraints();
        leftCol.setPercentWidth(64);
        var rightCol = new javafx.scene.layout.ColumnConstraints();
        rightCol.setPercentWidth(36);
        grid.getColumnConstraints().setAll(leftCol, rightCol);
        var row = new javafx.scene.layout.RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        grid.getRowConstraints().setAll(row);
        return grid;
    }

    /** Tall enough for every row, no scroll bar: a hall has a handful of categories and windows. */
    private static void fitRows(TableView<?> table) {
        var height = Bindings.size(table.getItems()).multiply(table.getFixedCellSize()).add(42);
        table.prefHeightProperty().bind(height);
        table.minHeightProperty().bind(height);
        table.maxHeightProperty().bind(height);
    }

    private String ratingsText(RatingSummary r) {
        if (r == null || r.total() == 0) {
            return i18n.get("supervisor.ratings.none");
        }
        StringBuilder b = new StringBuilder(i18n.format("supervisor.ratings.line", r.total(),
                String.format("%.0f%%", r.satisfiedShare() * 100), String.format("%.2f", r.averageScore()), r.poor()));
        b.append('\n');
        for (RatingLevel l : RatingLevel.values()) {
            b.append(l.label()).append(' ').append(r.counts().get(l)).append("   ");
        }
        return b.toString().trim();
    }

    private <T> TableRow<T> alertingRow(Function<T, Boolean> alerting) {
        return new TableRow<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("alerting");
                if (!empty && item != null && alerting.apply(item)) {
                    getStyleClass().add("alerting");
                }
            }
        };
    }

    private VBox section(String titleKey, javafx.scene.Node content, javafx.scene.Node... actions) {
        Label title = new Label(i18n.get(titleKey));
        title.getStyleClass().add("title-4");
        VBox box = new VBox(6, title, content);
        if (actions.length > 0) {
            HBox row = new HBox(8, actions);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        return box;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void selectedWindow(java.util.function.Consumer<WindowRow> action) {
        WindowRow w = windowTable.getSelectionModel().getSelectedItem();
        if (w != null) {
            action.accept(w);
        }
    }

    // ---- charts and audit ------------------------------------------------------------------------

    private GridPane charts() {
        SupervisorCharts charts = new SupervisorCharts(i18n);
        charts.show(vm.statsProperty().get());
        vm.statsProperty().addListener((obs, old, s) -> charts.show(s));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10));
        grid.add(charts.waiting, 0, 0);
        grid.add(charts.servedPerHour, 1, 0);
        grid.add(charts.waitDistribution, 0, 1);
        grid.add(charts.ratings, 1, 1);
        for (int i = 0; i < 2; i++) {
            var col = new javafx.scene.layout.ColumnConstraints();
            col.setPercentWidth(50);
            grid.getColumnConstraints().add(col);
            var row = new javafx.scene.layout.RowConstraints();
            row.setPercentHeight(50);
            grid.getRowConstraints().add(row);
        }
        return grid;
    }

    private TableView<AuditRecord> auditTable() {
        TableView<AuditRecord> t = new TableView<>(vm.audit());
        t.setId("auditTable");
        t.setPlaceholder(new Label(i18n.get("supervisor.audit.none")));
        t.getColumns().setAll(List.of(
                column(i18n.get("supervisor.col.time"), a -> HM.format(a.at().atZone(HallStats.HALL_ZONE)), 90),
                column(i18n.get("supervisor.col.actor"), AuditRecord::actor, 100),
                column(i18n.get("supervisor.col.action"), a -> i18n.get("supervisor.audit." + a.action()), 140),
                column(i18n.get("supervisor.col.target"), AuditRecord::target, 80),
                column(i18n.get("supervisor.col.detail"), AuditRecord::detail, 400)));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    // ---- dialogs ---------------------------------------------------------------------------------

    private void export(String kind) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("hall-report-" + vm.today() + "." + kind);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.toUpperCase(java.util.Locale.ROOT), "*." + kind));
        java.io.File f = chooser.showSaveDialog(getScene().getWindow());
        if (f == null) {
            return;
        }
        Path path = f.toPath();
        if (kind.equals("csv")) {
            vm.exportCsv(path);
        } else {
            vm.exportPdf(path);
        }
    }

    private StringConverter<String> categoryConverter(Map<String, String> names) {
        return new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : names.getOrDefault(code, code);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }

    private void moveTickets() {
        Map<String, String> names = vm.categoryNames();
        if (names.isEmpty()) {
            return;
        }
        ComboBox<String> from = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(names.keySet()));
        ComboBox<String> to = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(names.keySet()));
        from.setConverter(categoryConverter(names));
        to.setConverter(categoryConverter(names));
        CategoryRow selected = categoryTable.getSelectionModel().getSelectedItem();
        from.setValue(selected != null ? selected.code() : names.keySet().iterator().next());
        to.setValue(names.keySet().stream().filter(c -> !c.equals(from.getValue())).findFirst().orElse(null));
        Spinner<Integer> count = new Spinner<>(1, 200, 5);
        count.setEditable(true);
        GridPane form = form(List.of("supervisor.move.from", "supervisor.move.to", "supervisor.move.count"), from, to, count);
        Dialog<ButtonType> d = dialog("supervisor.moveTickets", form);
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            if (from.getValue() != null && to.getValue() != null && !from.getValue().equals(to.getValue())) {
                vm.moveTickets(from.getValue(), to.getValue(), count.getValue());
            }
        });
    }

    private void editCategories(WindowRow w) {
        Map<String, String> names = vm.categoryNames();
        VBox boxes = new VBox(6);
        List<CheckBox> checks = new ArrayList<>();
        names.forEach((code, name) -> {
            CheckBox c = new CheckBox(name + " (" + code + ")");
            c.setUserData(code);
            c.setSelected(w.categoryCodes().contains(code));
            checks.add(c);
            boxes.getChildren().add(c);
        });
        Dialog<ButtonType> d = dialog("supervisor.editCategories", boxes);
        d.setHeaderText(w.name());
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.setWindowCategories(w.windowId(),
                checks.stream().filter(CheckBox::isSelected).map(c -> (String) c.getUserData()).toList()));
    }

    private void editSettings() {
        Map<String, String> names = vm.categoryNames();
        AlertSettings current = vm.settingsProperty().get();
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, new Label(i18n.get("supervisor.col.category")), new Label(i18n.get("supervisor.settings.maxWait")),
                new Label(i18n.get("supervisor.settings.maxService")), new Label(i18n.get("supervisor.settings.maxQueue")));
        List<Spinner<Integer>[]> spinners = new ArrayList<>();
        int row = 1;
        for (var e : names.entrySet()) {
            AlertThresholds t = current.forCategory(e.getKey());
            @SuppressWarnings("unchecked")
            Spinner<Integer>[] s = new Spinner[]{new Spinner<>(1, 600, (int) t.maxWait().toMinutes()),
                    new Spinner<>(1, 600, (int) t.maxService().toMinutes()), new Spinner<>(1, 999, t.maxQueue())};
            for (Spinner<Integer> sp : s) {
                sp.setEditable(true);
                sp.setPrefWidth(90);
            }
            spinners.add(s);
            grid.addRow(row++, new Label(e.getValue()), s[0], s[1], s[2]);
        }
        Dialog<ButtonType> d = dialog("supervisor.alertSettings", grid);
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            AlertSettings next = current;
            int i = 0;
            for (String code : names.keySet()) {
                Spinner<Integer>[] s = spinners.get(i++);
                next = next.with(code, new AlertThresholds(Duration.ofMinutes(s[0].getValue()),
                        Duration.ofMinutes(s[1].getValue()), s[2].getValue()));
            }
            vm.applySettings(next);
        });
    }

    private GridPane form(List<String> labels, javafx.scene.Node... fields) {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        for (int i = 0; i < fields.length; i++) {
            g.addRow(i, new Label(i18n.get(labels.get(i))), fields[i]);
        }
        return g;
    }

    private Dialog<ButtonType> dialog(String titleKey, javafx.scene.Node content) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(getScene().getWindow());
        d.setTitle(i18n.get(titleKey));
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        return d;
    }

    /** Stops the ticker (the view is being left). */
    public void dispose() {
        ticker.stop();
    }
}
