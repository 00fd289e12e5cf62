package org.onewindow.client.supervisor;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;
import org.onewindow.client.app.I18n;
import org.onewindow.core.supervisor.CategoryStats;
import org.onewindow.core.supervisor.HallStats;
import org.onewindow.core.supervisor.HourlyCount;
import org.onewindow.core.supervisor.HourlyRating;
import org.onewindow.core.supervisor.WaitBucket;
import org.onewindow.core.supervisor.WaitingSample;

/**
 * The dashboard's four charts (JavaFX charts), redrawn from each new {@link HallStats}: waiting count over
 * the day, served per hour per category, the distribution of waiting times, ratings over the day.
 */
final class SupervisorCharts {
    static final int FIRST_HOUR = 8;
    static final int LAST_HOUR = 17;
    private static final int MAX_POINTS = 240;

    final LineChart<Number, Number> waiting;
    final StackedBarChart<String, Number> servedPerHour;
    final BarChart<String, Number> waitDistribution;
    final LineChart<String, Number> ratings;
    private final I18n i18n;
    private final NumberAxis timeAxis;

    SupervisorCharts(I18n i18n) {
        this.i18n = i18n;
        timeAxis = new NumberAxis(FIRST_HOUR * 60, (LAST_HOUR + 1) * 60, 60);
        timeAxis.setAutoRanging(false);
        timeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number minutes) {
                return String.format("%02d:%02d", minutes.intValue() / 60, minutes.intValue() % 60);
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        NumberAxis waitingAxis = new NumberAxis();
        waitingAxis.setLabel(i18n.get("supervisor.col.waiting"));
        waiting = new LineChart<>(timeAxis, waitingAxis);
        waiting.setCreateSymbols(false);
        waiting.setLegendVisible(false);
        setUp(waiting, "waitingChart", "supervisor.chart.waiting");

        CategoryAxis hours = new CategoryAxis(FXCollections.observableArrayList(hourLabels()));
        servedPerHour = new StackedBarChart<>(hours, new NumberAxis());
        setUp(servedPerHour, "servedChart", "supervisor.chart.servedPerHour");

        CategoryAxis buckets = new CategoryAxis();
        buckets.setLabel(i18n.get("supervisor.unit.min"));
        waitDistribution = new BarChart<>(buckets, new NumberAxis());
        waitDistribution.setLegendVisible(false);
        setUp(waitDistribution, "distributionChart", "supervisor.chart.waitDistribution");

        NumberAxis score = new NumberAxis(1, 5, 1);
        score.setAutoRanging(false);
        ratings = new LineChart<>(new CategoryAxis(FXCollections.observableArrayList(hourLabels())), score);
        ratings.setLegendVisible(false);
        setUp(ratings, "ratingsChart", "supervisor.chart.ratings");
    }

    private void setUp(XYChart<?, ?> chart, String id, String titleKey) {
        chart.setId(id);
        chart.setTitle(i18n.get(titleKey));
        chart.setAnimated(false);
        chart.setMinSize(200, 160);
    }

    private List<String> hourLabels() {
        List<String> out = new ArrayList<>();
        for (int h = FIRST_HOUR; h <= LAST_HOUR; h++) {
            out.add(hourLabel(h));
        }
        return out;
    }

    private String hourLabel(int h) {
        return i18n.format("supervisor.hour", h);
    }

    void show(HallStats s) {
        if (s == null) {
            return;
        }
        // waiting over the day, thinned to a readable number of points
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        List<WaitingSample> pts = s.waitingSeries();
        int step = Math.max(1, pts.size() / MAX_POINTS);
        int lo = FIRST_HOUR * 60;
        int hi = (LAST_HOUR + 1) * 60;
        for (int i = 0; i < pts.size(); i += step) {
            ZonedDateTime t = pts.get(i).at().atZone(HallStats.HALL_ZONE);
            int m = t.getHour() * 60 + t.getMinute();
            lo = Math.min(lo, m / 60 * 60);
            hi = Math.max(hi, (m / 60 + 1) * 60);
            line.getData().add(new XYChart.Data<>(m, pts.get(i).waiting()));
        }
        timeAxis.setLowerBound(lo);
        timeAxis.setUpperBound(hi);
        waiting.getData().setAll(List.of(line));

        Map<String, XYChart.Series<String, Number>> byCategory = new LinkedHashMap<>();
        for (CategoryStats c : s.categories()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(c.name());
            byCategory.put(c.code(), series);
        }
        for (HourlyCount h : s.servedPerHour()) {
            XYChart.Series<String, Number> series = byCategory.get(h.category());
            if (series != null && h.hour() >= FIRST_HOUR && h.hour() <= LAST_HOUR) {
                series.getData().add(new XYChart.Data<>(hourLabel(h.hour()), h.count()));
            }
        }
        servedPerHour.getData().setAll(new ArrayList<>(byCategory.values()));

        XYChart.Series<String, Number> bars = new XYChart.Series<>();
        for (WaitBucket b : s.waitDistribution()) {
            bars.getData().add(new XYChart.Data<>(b.openEnded() ? b.fromMinutes() + "+" : b.fromMinutes() + "-" + b.toMinutes(),
                    b.count()));
        }
        waitDistribution.getData().setAll(List.of(bars));

        XYChart.Series<String, Number> score = new XYChart.Series<>();
        for (HourlyRating h : s.ratings().perHour()) {
            if (h.hour() >= FIRST_HOUR && h.hour() <= LAST_HOUR) {
                score.getData().add(new XYChart.Data<>(hourLabel(h.hour()), h.averageScore()));
            }
        }
        ratings.getData().setAll(List.of(score));
    }
}
