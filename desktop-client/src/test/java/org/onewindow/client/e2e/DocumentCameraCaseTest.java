package org.onewindow.client.e2e;

import org.onewindow.client.testing.ClerkWindowFixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.client.casework.ChecklistRow;
import org.onewindow.core.casework.ChecklistEntry;
import org.onewindow.core.catalogue.ServiceItem;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.devices.document.CapturedPage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The document camera (高拍仪) in a case: 不动产登记资料查询 needs the real-estate certificate; the clerk opens
 * the document camera, captures the page the demo camera shows (cropped and deskewed), and adds it to the case
 * as a "real-estate-certificate" scan, which satisfies the material.
 */
@ExtendWith(ApplicationExtension.class)
class DocumentCameraCaseTest {
    @TempDir
    static Path data;
    ClerkWindowFixture ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = ClerkWindowFixture.open(stage, data, "W6", "WS-DOC-W6");
    }

    @AfterEach
    void stop() {
        ui.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCapturedCertificatePageSatisfiesTheMaterial(FxRobot robot) {
        robot.clickOn("#signIn");
        waitFor(() -> robot.lookup("#serviceItem").tryQuery().isPresent()
                && !robot.lookup("#serviceItem").queryAs(ComboBox.class).getItems().isEmpty());
        ComboBox<ServiceItem> items = robot.lookup("#serviceItem").queryAs(ComboBox.class);
        ServiceItem wanted = items.getItems().stream().filter(i -> i.code().equals("BDC-0001")).findFirst().orElseThrow();
        // chosen on the combo itself: its popup may list the item outside the visible bounds
        robot.interact(() -> items.getSelectionModel().select(wanted));
        waitFor(() -> "BDC-0001".equals(ui.shell().serviceCase().itemProperty().get().code())
                && rows(robot).size() == wanted.materials().size());
        ui.workstation().demoDevices().orElseThrow().present(DemoCitizens.LI_NA);
        waitFor(() -> status(robot, "id-card") == ChecklistEntry.Status.SATISFIED);
        assertThat(status(robot, "certificate")).isNotEqualTo(ChecklistEntry.Status.SATISFIED);

        // the button is in the clerk window's action bar; F11 opens the same window (the bar may overflow the
        // Monocle screen in a full run, so the key is used here)
        assertThat(robot.lookup("#documentCamera").queryButton().getText()).isEqualTo("高拍仪 (F11)");
        robot.type(javafx.scene.input.KeyCode.F11);
        waitFor(() -> robot.lookup("#docCapture").tryQuery().isPresent());
        ComboBox<String> type = robot.lookup("#docPageType").queryAs(ComboBox.class);
        assertThat(type.getItems()).contains("real-estate-certificate", "power-of-attorney");
        // the clerk sees the material's name, not the page type code
        assertThat(type.getConverter().toString(type.getValue())).matches(".*\\p{IsHan}.*");
        ListView<CapturedPage> pages = robot.lookup("#docPages").queryAs(ListView.class);

        Button capture = robot.lookup("#docCapture").queryButton();
        robot.clickOn(capture);
        waitFor(() -> pages.getItems().size() == 1);
        CapturedPage page = pages.getItems().get(0);
        assertThat(page.cropped()).isTrue();
        assertThat(page.height() / (double) page.width()).isBetween(1.3, 1.55);

        // keys: Enter captures a second page, Alt+Up moves it first, Delete removes the selected page
        robot.clickOn(pages);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitFor(() -> pages.getItems().size() == 2);
        CapturedPage second = pages.getItems().get(1);
        robot.interact(() -> pages.getSelectionModel().clearAndSelect(1));
        robot.press(javafx.scene.input.KeyCode.ALT).type(javafx.scene.input.KeyCode.UP)
                .release(javafx.scene.input.KeyCode.ALT);
        waitFor(() -> pages.getItems().get(0) == second);
        robot.type(javafx.scene.input.KeyCode.DELETE);
        waitFor(() -> pages.getItems().size() == 1);
        assertThat(pages.getItems()).containsExactly(page);

        robot.interact(() -> type.getSelectionModel().select("real-estate-certificate"));
        Button add = robot.lookup("#docAddToCase").queryButton();
        robot.clickOn(add);
        waitFor(() -> status(robot, "certificate") == ChecklistEntry.Status.SATISFIED);
        assertThat(robot.lookup("#docCapture").tryQuery()).isEmpty(); // the window closed
        assertThat(ui.shell().serviceCase().scannedPageItems()).hasSize(1);
        assertThat(ui.shell().serviceCase().scannedPageItems().get(0).label()).isEqualTo("page 1");

        // finishing the case archives the page with the summary, as a document-page item
        robot.type(javafx.scene.input.KeyCode.F12);
        waitFor(() -> robot.lookup("#ratingOk").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#rating-VERY_SATISFIED").queryAs(javafx.scene.Node.class));
        robot.clickOn(robot.lookup("#ratingOk").queryButton());
        waitFor(() -> archivedKinds().contains("case-summary"));
        List<com.fasterxml.jackson.databind.JsonNode> archived = archivedItems();
        assertThat(archived).filteredOn(i -> i.path("kind").asText().equals("document-page")).hasSize(1)
                .allSatisfy(i -> assertThat(i.path("label").asText()).isEqualTo("page 1"));
    }

    private List<com.fasterxml.jackson.databind.JsonNode> archivedItems() {
        return ui.sandbox().archive().packageIds().stream().map(id -> ui.sandbox().archive().manifest(id))
                .flatMap(m -> java.util.stream.StreamSupport.stream(m.path("items").spliterator(), false)).toList();
    }

    private List<String> archivedKinds() {
        return archivedItems().stream().map(i -> i.path("kind").asText()).toList();
    }

    private static List<ChecklistRow> rows(FxRobot robot) {
        return robot.lookup("#checklist").queryAs(ListView.class).getItems();
    }

    private static ChecklistEntry.Status status(FxRobot robot, String code) {
        return rows(robot).stream().filter(r -> r.code().equals(code)).map(ChecklistRow::status).findFirst().orElse(null);
    }

    private static void waitFor(Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.get();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out", e);
        }
    }
}
