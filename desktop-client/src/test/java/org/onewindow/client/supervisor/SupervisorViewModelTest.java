package org.onewindow.client.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.client.app.I18n;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.queue.QueueEvent;
import org.onewindow.core.supervisor.HallAlert;
import org.onewindow.sandbox.sim.SimClock;

/** The dashboard's logic with same-thread executors, a scripted back-end and a clock the test moves. */
class SupervisorViewModelTest {
    static final Executor SAME_THREAD = Runnable::run;

    final FakeHall hall = new FakeHall();
    final SimClock clock = new SimClock(FakeHall.T0);
    final AtomicInteger chimes = new AtomicInteger();
    final List<AlertSettings> saved = new ArrayList<>();
    SupervisorViewModel vm;

    @BeforeEach
    void start() {
        AlertSettings settings = AlertSettings.standard().with("SB", new AlertThresholds(Duration.ofMinutes(30),
                Duration.ofMinutes(10), 8)).withSound(true);
        vm = new SupervisorViewModel(hall, hall, SAME_THREAD, SAME_THREAD, new I18n(Locale.SIMPLIFIED_CHINESE), clock,
                "济南市民中心", settings, saved::add, chimes::incrementAndGet);
        vm.start();
        hall.listener.onEvent(QueueEvent.resync(clock.instant()));
    }

    @Test
    void showsEachCategoryAndWindowWithItsState() {
        assertThat(vm.categories()).extracting(CategoryRow::name).containsExactly("社保", "不动产");
        CategoryRow sb = vm.categories().get(0);
        assertThat(sb.waiting()).isEqualTo(4);
        assertThat(sb.longestWait()).isEqualTo(Duration.ofMinutes(25));
        assertThat(sb.averageService()).isEqualTo(Duration.ofMinutes(6));
        assertThat(vm.windows()).extracting(WindowRow::status).containsExactly(WindowRow.Status.SERVING,
                WindowRow.Status.IDLE, WindowRow.Status.PAUSED, WindowRow.Status.OFFLINE);
        assertThat(vm.windows().get(0).statusText()).isEqualTo("正在办理 A011 · 7 分钟");
        assertThat(vm.windows().get(0).categories()).containsExactly("社保", "ZH");
        assertThat(vm.windows().get(3).statusText()).isEqualTo("离线");
        assertThat(vm.ratingsProperty().get().total()).isEqualTo(38);
        assertThat(vm.totalsProperty().get()).isEqualTo("等候 4 · 已办 50 · 满意率 95%");
        assertThat(vm.audit()).hasSize(1);
        assertThat(vm.staleProperty().get()).isFalse();
        assertThat(vm.freshnessProperty().get()).isEqualTo("实时 · 更新于 10:00:00");
    }

    @Test
    void durationsAgeWithTheClockBetweenEvents() {
        clock.advance(Duration.ofMinutes(2));
        vm.tick();
        assertThat(vm.categories().get(0).longestWait()).isEqualTo(Duration.ofMinutes(27));
        assertThat(vm.windows().get(0).statusText()).isEqualTo("正在办理 A011 · 9 分钟");
    }

    @Test
    void anAlertFiresOnceWhenAWaitPassesItsThresholdAndIsRecorded() {
        assertThat(vm.alerts()).isEmpty();
        clock.advance(Duration.ofMinutes(5)); // oldest SB ticket now waits 30 min: not above the limit yet
        vm.tick();
        assertThat(vm.alerts()).noneMatch(a -> a.kind() == HallAlert.Kind.WAIT_TIME);
        clock.advance(Duration.ofSeconds(61));
        vm.tick();
        assertThat(vm.alerts()).extracting(HallAlert::kind).contains(HallAlert.Kind.WAIT_TIME);
        HallAlert wait = vm.alerts().stream().filter(a -> a.kind() == HallAlert.Kind.WAIT_TIME).findFirst().orElseThrow();
        assertThat(wait.id()).as("recorded at the back-end").isPositive();
        assertThat(wait.category()).isEqualTo("SB");
        assertThat(wait.value()).isEqualTo(Duration.ofMinutes(31).plusSeconds(1).toSeconds());
        assertThat(wait.threshold()).isEqualTo(1800);
        assertThat(vm.label(wait)).contains("社保").contains("31 分钟").contains("30 分钟");
        assertThat(vm.categories().get(0).alerting()).isTrue();
        int raised = vm.alerts().size();
        int chimed = chimes.get();
        assertThat(chimed).isEqualTo(raised);

        clock.advance(Duration.ofMinutes(1));
        vm.tick();
        assertThat(vm.alerts()).as("no alert storm while it holds").hasSize(raised);
        assertThat(chimes.get()).isEqualTo(chimed);
    }

    @Test
    void serviceTimeAndQueueLengthAlertsUseTheCategoryThresholds() {
        clock.advance(Duration.ofMinutes(4)); // W1 has served A011 for 11 min; SB limit is 10
        vm.tick();
        assertThat(vm.alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(HallAlert.Kind.SERVICE_TIME);
            assertThat(a.windowId()).isEqualTo("W1");
        });
        assertThat(vm.windows().get(0).alerting()).isTrue();
        hall.stats = FakeHall.stats(clock.instant(), 9);
        hall.listener.onEvent(new QueueEvent(7, QueueEvent.Type.TICKET_ISSUED, clock.instant(), null, null, Map.of(), Map.of()));
        assertThat(vm.alerts()).extracting(HallAlert::kind).containsExactly(HallAlert.Kind.QUEUE_LENGTH,
                HallAlert.Kind.SERVICE_TIME);
    }

    @Test
    void anAlertRearmsAfterItsConditionCleared() {
        hall.stats = FakeHall.stats(clock.instant(), 9);
        vm.reload();
        assertThat(vm.alerts()).hasSize(1);
        hall.stats = FakeHall.stats(clock.instant(), 2);
        vm.reload();
        hall.stats = FakeHall.stats(clock.instant(), 10);
        vm.reload();
        assertThat(vm.alerts()).hasSize(2);
    }

    @Test
    void acknowledgingRecordsWhoAndWhen() {
        hall.stats = FakeHall.stats(clock.instant(), 9);
        vm.reload();
        vm.acknowledge(vm.alerts().get(0));
        assertThat(hall.calls).contains("ack 1");
        assertThat(vm.alerts().get(0).acknowledged()).isTrue();
        assertThat(vm.label(vm.alerts().get(0))).endsWith("已由 赵主任 确认");
    }

    @Test
    void todaysOpenAlertsAreNotRaisedAgainAfterARestart() {
        hall.storedAlerts = List.of(new HallAlert(9, HallAlert.Kind.QUEUE_LENGTH, "SB", null, 9, 8,
                clock.instant(), null, null));
        hall.stats = FakeHall.stats(clock.instant(), 9);
        SupervisorViewModel restarted = new SupervisorViewModel(hall, hall, SAME_THREAD, SAME_THREAD,
                new I18n(Locale.ENGLISH), clock, "hall", vm.settingsProperty().get(), s -> { }, () -> { });
        restarted.start();
        hall.listener.onEvent(QueueEvent.resync(clock.instant()));
        assertThat(restarted.alerts()).extracting(HallAlert::id).containsExactly(9L);
    }

    @Test
    void aLostStreamMarksTheDataStaleUntilItIsBack() {
        clock.advance(Duration.ofSeconds(30));
        hall.listener.onDisconnected(new java.io.IOException("connection reset"));
        assertThat(vm.staleProperty().get()).isTrue();
        assertThat(vm.freshnessProperty().get()).isEqualTo("数据已过时（自 10:00:30）· 最后数据 10:00:00 · 正在重连");
        hall.failWith = new BackendException(BackendException.Kind.UNREACHABLE, "down");
        vm.reload();
        assertThat(vm.staleProperty().get()).isTrue();
        hall.failWith = null;
        clock.advance(Duration.ofSeconds(30));
        hall.listener.onEvent(QueueEvent.resync(clock.instant()));
        assertThat(vm.staleProperty().get()).isFalse();
        assertThat(vm.freshnessProperty().get()).isEqualTo("实时 · 更新于 10:01:00");
    }

    @Test
    void aFailedReloadMarksStaleEvenWithTheStreamUp() {
        hall.failWith = new BackendException(BackendException.Kind.SERVER_ERROR, "500");
        hall.listener.onEvent(new QueueEvent(8, QueueEvent.Type.TICKET_CALLED, clock.instant(), "W2", null, Map.of(), Map.of()));
        assertThat(vm.staleProperty().get()).isTrue();
        assertThat(vm.categories()).as("the last good figures stay on screen").hasSize(2);
    }

    @Test
    void actionsGoToTheBackEndAndReload() {
        int reloads = count("windows");
        vm.pauseWindow("W2");
        vm.resumeWindow("W2");
        vm.setWindowCategories("W6", List.of("SB", "ZH"));
        vm.moveTickets("SB", "ZH", 3);
        assertThat(hall.calls).contains("pause W2", "resume W2", "categories W6 [SB, ZH]", "move SB ZH 3");
        assertThat(count("windows")).isEqualTo(reloads + 4);
        assertThat(vm.messageProperty().get()).isEqualTo("已将 1 个排队号从 SB 调到 ZH。");
        vm.setWindowCategories("W6", List.of());
        assertThat(vm.messageProperty().get()).isEqualTo("窗口至少需要一个业务类别。");
    }

    @Test
    void thresholdChangesApplyAtOnceAndAreSaved() {
        vm.applySettings(vm.settingsProperty().get().with("BDC", new AlertThresholds(Duration.ofMinutes(5),
                Duration.ofMinutes(5), 1)));
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).forCategory("BDC").maxQueue()).isEqualTo(1);
        assertThat(vm.settingsProperty().get().forCategory("SB").maxQueue()).isEqualTo(8);
    }

    @Test
    void savedThresholdsAreLoadedOffTheUiThreadAndApplied() {
        AlertSettings strict = AlertSettings.standard().with("SB", new AlertThresholds(Duration.ofMinutes(5),
                Duration.ofMinutes(5), 1));
        vm.loadSettings(() -> strict);
        assertThat(vm.settingsProperty().get()).isEqualTo(strict);
        assertThat(vm.categories().get(0).alerting()).as("SB's 4 waiting now exceed 1").isTrue();
        assertThat(saved).as("loading is not saving").isEmpty();
    }

    @Test
    void closingStopsTheSubscription() {
        vm.close();
        assertThat(hall.closed).isTrue();
    }

    @Test
    void windowIsOfflineAfterHalfAnHourWithoutActivity() {
        clock.set(FakeHall.T0.plus(Duration.ofMinutes(25)));
        vm.tick();
        assertThat(vm.windows().get(1).status()).as("W2 was last active 5 min before T0").isEqualTo(WindowRow.Status.IDLE);
        clock.set(FakeHall.T0.plus(Duration.ofMinutes(25)).plusSeconds(1));
        vm.tick();
        assertThat(vm.windows().get(1).status()).isEqualTo(WindowRow.Status.OFFLINE);
    }

    private int count(String call) {
        return (int) hall.calls.stream().filter(call::equals).count();
    }
}
