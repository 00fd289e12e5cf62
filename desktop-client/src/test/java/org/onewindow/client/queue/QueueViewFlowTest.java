package org.onewindow.client.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.core.queue.PriorityClass;
import org.onewindow.core.queue.Ticket;
import org.onewindow.core.queue.WindowState;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;
import org.onewindow.verification.backend.queue.HttpQueueService;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The clerk's queue panel driven by its function keys against a real sandbox back-end over loopback, the
 * real HTTP client and the real event stream (headless Monocle).
 */
class QueueViewFlowTest extends FxRobot {
    private static final String WINDOW = "W2"; // serves 社保 only

    private Path dataDir;
    private SandboxBackend backend;
    private HttpHallServices clerkHall;
    private HttpHallServices kioskHall;
    private HttpQueueService kiosk;
    private QueueViewModel model;
    private ExecutorService background;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void start() throws Exception {
        dataDir = Files.createTempDirectory("queue-flow");
        backend = SandboxBackend.start(dataDir, 0);
        clerkHall = new HttpHallServices(BackendConfig.of(backend.baseUri(), "ws-w2"));
        clerkHall.signIn("demo", "demo".toCharArray());
        kioskHall = new HttpHallServices(BackendConfig.of(backend.baseUri(), "kiosk"));
        kiosk = new HttpQueueService(kioskHall);
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "queue-calls");
            t.setDaemon(true);
            return t;
        });
        model = new QueueViewModel(new HttpQueueService(clerkHall), WINDOW, background, Platform::runLater,
                Clock.systemUTC(), QueueViewModel.bundle(Locale.ENGLISH));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new QueueView(model, QueueViewModel.bundle(Locale.ENGLISH)), 720, 560));
            stage.show();
            stage.toFront();
        });
        model.start();
        waitUntil(() -> model.connectedProperty().get() && "2号窗口".equals(text("#windowName")));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        model.close();
        background.shutdownNow();
        clerkHall.close();
        kioskHall.close();
        backend.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void f1CallsTheNextTicketAndShowsIt() throws Exception {
        kiosk.issueTicket("SB", PriorityClass.REGULAR);
        kiosk.issueTicket("SB", PriorityClass.ELDERLY);
        waitUntil(() -> "Waiting: 2".equals(text("#waitingCount")));

        type(KeyCode.F1);
        waitUntil(() -> "A002".equals(text("#currentNumber")));
        assertThat(text("#waited")).startsWith("Waited 0:");
        waitUntil(() -> "Waiting: 1".equals(text("#waitingCount")));
        assertThat(text("#clerkName")).isEqualTo("王晓梅");
    }

    @Test
    void pushedTicketRaisesTheWaitingCountWithoutAnyClerkAction() throws Exception {
        assertThat(text("#waitingCount")).isEqualTo("Waiting: 0");
        kiosk.issueTicket("SB", PriorityClass.REGULAR);
        waitUntil(() -> "Waiting: 1".equals(text("#waitingCount")));
        kiosk.issueTicket("BDC", PriorityClass.REGULAR); // not this window's queue
        kiosk.issueTicket("SB", PriorityClass.REGULAR);
        waitUntil(() -> "Waiting: 2".equals(text("#waitingCount")));
    }

    @Test
    void f3TransfersTheTicketToTheChosenWindow() throws Exception {
        Ticket t = kiosk.issueTicket("SB", PriorityClass.REGULAR);
        type(KeyCode.F1);
        waitUntil(() -> t.number().equals(text("#currentNumber")));

        type(KeyCode.F3); // no target chosen yet: opens the list
        clickOn("Window: 3号窗口");
        type(KeyCode.F3);
        waitUntil(() -> "—".equals(text("#currentNumber")));
        WindowState w3 = kiosk.window("W3");
        assertThat(w3.waitingCount()).isEqualTo(1);
        assertThat(new HttpQueueService(clerkHall).callNext("W3").current().id()).isEqualTo(t.id());
    }

    @Test
    void f4MarksANoShowWhileTheTransferListHasFocus() throws Exception {
        Ticket t = kiosk.issueTicket("SB", PriorityClass.REGULAR);
        type(KeyCode.F1);
        waitUntil(() -> t.number().equals(text("#currentNumber")));
        clickOn("#transferTarget"); // the function keys must work wherever the focus is
        type(KeyCode.ESCAPE);
        type(KeyCode.F4);
        waitUntil(() -> "—".equals(text("#currentNumber")));
        assertThat(kioskHall.callJson("GET", "/api/v1/queue/tickets/" + t.id(), null).get("state").asText())
                .isEqualTo("NO_SHOW");
    }

    @Test
    void f5ParksF6ResumesAndF2Recalls() throws Exception {
        Ticket first = kiosk.issueTicket("SB", PriorityClass.REGULAR);
        Ticket second = kiosk.issueTicket("SB", PriorityClass.REGULAR);
        type(KeyCode.F1);
        waitUntil(() -> first.number().equals(text("#currentNumber")));
        type(KeyCode.F5);
        waitUntil(() -> model.parked().size() == 1 && "—".equals(text("#currentNumber")));
        assertThat(lookup("#parkedList").queryListView().getItems()).extracting(x -> ((Ticket) x).number())
                .containsExactly(first.number());

        type(KeyCode.F1);
        waitUntil(() -> second.number().equals(text("#currentNumber")));
        type(KeyCode.F6);
        waitUntil(() -> first.number().equals(text("#currentNumber")) && model.parked().isEmpty());

        type(KeyCode.F2);
        waitUntil(() -> kioskHall.callJson("GET", "/api/v1/queue/tickets/" + first.id(), null)
                .get("recallCount").asInt() == 1);
        assertThat(kioskHall.callJson("GET", "/api/v1/queue/tickets/" + second.id(), null).get("state").asText())
                .isEqualTo("DONE");
    }

    @Test
    void f9PausesTheWindowAndCallNextIsDisabledUntilItOpens() throws Exception {
        type(KeyCode.F9);
        waitUntil(() -> "Paused".equals(text("#windowStatus")));
        assertThat(lookup("#callNextButton").queryButton().isDisabled()).isTrue();
        assertThat(kiosk.window(WINDOW).status().name()).isEqualTo("PAUSED");
        type(KeyCode.F9);
        waitUntil(() -> "Open".equals(text("#windowStatus")));
        assertThat(lookup("#callNextButton").queryButton().isDisabled()).isFalse();
    }

    private String text(String id) {
        Label label = lookup(id).queryAs(Label.class);
        return label.getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition); // generous: shared build machines are slow
        WaitForAsyncUtils.waitForFxEvents();
    }
}
