package org.onewindow.client.e2e;

import org.onewindow.client.testing.ClerkWindowFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.client.casework.ChecklistRow;
import org.onewindow.core.casework.ChecklistEntry;
import org.onewindow.core.catalogue.ServiceItem;
import org.onewindow.core.demo.DemoCitizens;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A whole service through the UI against the sandbox: 户口迁移 with materials satisfied by three kinds of
 * evidence (the ID card, a data-share check, a scanned e-license QR), the citizen's rating, the case
 * archived; then a second case for the same citizen where the earlier evidence is offered for reuse.
 */
@ExtendWith(ApplicationExtension.class)
class ServiceCaseFlowTest {
    @TempDir
    static Path data;
    ClerkWindowFixture ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = ClerkWindowFixture.open(stage, data, "W6", "WS-CASE-W6");
    }

    @AfterEach
    void stop() {
        ui.close();
    }

    @Test
    void servesAHouseholdMoveWithThreeKindsOfEvidenceThenOffersThemForReuse(FxRobot robot) throws Exception {
        String number = ui.workstation().backend().callJson("POST", "/api/v1/queue/tickets",
                new ObjectMapper().createObjectNode().put("category", "HJ")).path("number").asText();
        signInAndChoose(robot, "HJ-0001");
        robot.type(KeyCode.F1);
        waitFor(() -> number.equals(ui.shell().queue().currentNumberProperty().get()));
        assertThat(ui.shell().citizenDisplay()).as("one screen: no citizen display, the rating is a dialog").isNull();
        ui.workstation().demoDevices().orElseThrow().present(DemoCitizens.LI_NA);
        waitFor(() -> status(robot, "id-card") == ChecklistEntry.Status.SATISFIED);

        robot.clickOn("#dataShare-household-registration");
        waitFor(() -> status(robot, "household") == ChecklistEntry.Status.SATISFIED);

        String payload = ui.workstation().backend().callJson("POST", "/api/v1/credentials/demo-tokens",
                new ObjectMapper().createObjectNode().put("idNumber", DemoCitizens.LI_NA.idNumber())
                        .put("credentialType", "property-certificate")).path("payload").asText();
        robot.clickOn("#scanInput").write(payload).type(KeyCode.ENTER);
        waitFor(() -> status(robot, "housing") == ChecklistEntry.Status.SATISFIED);
        assertThat(robot.lookup("#credentialResult").queryAs(Label.class).getText()).startsWith("证照：核验通过");
        assertThat(robot.lookup("#scanInput").queryAs(TextField.class).getText()).isEmpty();

        robot.type(KeyCode.F12);
        robot.clickOn("#rating-VERY_SATISFIED").clickOn("#ratingOk");
        JsonNode summary = waitForCaseSummary(1);
        assertThat(summary.path("ticket").asText()).isEqualTo(number);
        waitFor(() -> ui.shell().queue().currentProperty().get() == null); // the ticket was closed with the case
        assertThat(summary.path("serviceItem").asText()).isEqualTo("HJ-0001");
        assertThat(summary.path("rating").path("level").asText()).isEqualTo("VERY_SATISFIED");
        assertThat(summary.path("materials").findValuesAsText("status"))
                .containsExactly("SATISFIED", "SATISFIED", "SATISFIED", "MISSING");
        assertThat(summary.path("materials").findValuesAsText("kind"))
                .containsExactly("ID_CARD", "DATA_SHARE", "E_LICENSE");
        waitFor(() -> text(robot, "#cardName").isEmpty());

        // the same citizen comes back: household and housing were verified before, so they are offered
        ui.workstation().demoDevices().orElseThrow().remove();
        Thread.sleep(600); // the reader needs the card out of the field before it counts again
        ui.workstation().demoDevices().orElseThrow().present(DemoCitizens.LI_NA);
        waitFor(() -> ui.shell().serviceCase().reuseOffers().size() == 2, () -> "offers " + ui.shell().serviceCase().reuseOffers()
                + ", rows " + rows(robot) + ", summaries " + caseSummaries().size());
        javafx.scene.layout.VBox offers = robot.lookup("#reuseOffers").queryAs(javafx.scene.layout.VBox.class);
        waitFor(() -> offers.lookupAll(".button").size() == 2, () -> "buttons " + offers.getChildren());
        robot.clickOn(offers.lookupAll(".button").iterator().next());
        waitFor(() -> ui.shell().serviceCase().reuseOffers().size() == 1);
        robot.clickOn(offers.lookupAll(".button").iterator().next());
        waitFor(() -> status(robot, "household") == ChecklistEntry.Status.REUSED
                && status(robot, "housing") == ChecklistEntry.Status.REUSED);
        assertThat(ui.shell().serviceCase().canFinishProperty().get()).isTrue();
        assertThat(offers.isVisible()).isFalse();
    }

    @Test
    void aMissingMaterialNeedsAReasonAndALowRatingNeedsOne(FxRobot robot) throws Exception {
        signInAndChoose(robot, "HJ-0001");
        ui.workstation().demoDevices().orElseThrow().present(DemoCitizens.ZHANG_WEI);
        waitFor(() -> status(robot, "id-card") == ChecklistEntry.Status.SATISFIED);

        robot.type(KeyCode.F12);
        robot.clickOn("#waiverReason").write("户口簿在外地，承诺三日内补交").type(KeyCode.ENTER);
        robot.clickOn("#waiverReason").write("暂住亲属家，住所证明另行提交").type(KeyCode.ENTER);
        robot.clickOn("#rating-DISSATISFIED").clickOn("#ratingOk"); // refused: no reason chosen yet
        assertThat(caseSummaries()).isEmpty();
        robot.clickOn("#reason-WAITED_TOO_LONG").clickOn("#ratingOk");

        JsonNode summary = waitForCaseSummary(1);
        assertThat(summary.path("materials").findValuesAsText("status"))
                .containsExactly("SATISFIED", "WAIVED", "WAIVED", "MISSING");
        assertThat(summary.path("materials").findValuesAsText("waiverReason"))
                .containsExactly("户口簿在外地，承诺三日内补交", "暂住亲属家，住所证明另行提交");
        assertThat(summary.path("rating").path("level").asText()).isEqualTo("DISSATISFIED");
        assertThat(summary.path("rating").path("reasons").get(0).asText()).isEqualTo("WAITED_TOO_LONG");
    }

    private void signInAndChoose(FxRobot robot, String itemCode) {
        robot.clickOn("#signIn");
        waitFor(() -> robot.lookup("#serviceItem").tryQuery().isPresent()
                && !robot.lookup("#serviceItem").queryAs(ComboBox.class).getItems().isEmpty());
        @SuppressWarnings("unchecked")
        ComboBox<ServiceItem> items = robot.lookup("#serviceItem").queryAs(ComboBox.class);
        ServiceItem wanted = items.getItems().stream().filter(i -> i.code().equals(itemCode)).findFirst().orElseThrow();
        robot.clickOn(items).clickOn(items.getConverter().toString(wanted));
        waitFor(() -> rows(robot).size() == wanted.materials().size()
                && ui.shell().serviceCase().itemProperty().get().code().equals(itemCode));
    }

    private JsonNode waitForCaseSummary(int count) throws Exception {
        waitFor(() -> caseSummaries().size() >= count);
        return caseSummaries().get(count - 1);
    }

    /** The case summaries the archive holds, read from its blob store, in archive order. */
    private List<JsonNode> caseSummaries() {
        return ui.sandbox().archive().packageIds().stream()
                .map(id -> ui.sandbox().archive().manifest(id))
                .flatMap(m -> java.util.stream.StreamSupport.stream(m.path("items").spliterator(), false))
                .filter(i -> i.path("kind").asText().equals("case-summary"))
                .map(i -> readBlob(i.path("sha256").asText()))
                .toList();
    }

    private JsonNode readBlob(String sha) {
        try {
            Path file = ui.sandbox().context().dataDir().resolve("archive-blobs").resolve(sha.substring(0, 2)).resolve(sha);
            return new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<ChecklistRow> rows(FxRobot robot) {
        return robot.lookup("#checklist").queryAs(ListView.class).getItems();
    }

    private static ChecklistEntry.Status status(FxRobot robot, String code) {
        return rows(robot).stream().filter(r -> r.code().equals(code)).map(ChecklistRow::status).findFirst().orElse(null);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitFor(Supplier<Boolean> condition) {
        waitFor(condition, () -> "");
    }

    private static void waitFor(Supplier<Boolean> condition, Supplier<String> state) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.get();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 20 s " + state.get(), e);
        }
    }
}
