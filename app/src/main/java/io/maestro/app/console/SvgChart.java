package io.maestro.app.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Lines and bars for the KPI page's SVG charts, computed here so the page only draws them. */
public final class SvgChart {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 200;
    private static final String[] COLOURS = {"#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#0a7ea4", "#bf3989"};

    /** One series: its name, colour, SVG points and total. */
    public record Line(String name, String colour, String points, long total) {
    }

    /** One bar: label, value, its top-left corner and size. */
    public record Bar(String label, long value, double x, double y, double width, double height) {
    }

    private SvgChart() {
    }

    /** One line per series over the same buckets, scaled to the highest value of all. */
    public static List<Line> lines(Map<String, List<Long>> series) {
        long max = Math.max(1, series.values().stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElse(1));
        List<Line> lines = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<Long>> s : series.entrySet()) {
            List<Long> values = s.getValue();
            double step = values.size() > 1 ? WIDTH / (double) (values.size() - 1) : 0;
            List<String> points = new ArrayList<>();
            for (int k = 0; k < values.size(); k++) {
                points.add(round(k * step) + "," + round(HEIGHT - values.get(k) * (double) HEIGHT / max));
            }
            lines.add(new Line(s.getKey(), COLOURS[i++ % COLOURS.length], String.join(" ", points),
                    values.stream().mapToLong(Long::longValue).sum()));
        }
        return lines;
    }

    /** The highest value of the series, for the axis label. */
    public static long max(Map<String, List<Long>> series) {
        return series.values().stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElse(0);
    }

    /** Horizontal bars, one per entry, scaled to the largest. */
    public static List<Bar> bars(Map<String, Long> values) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        double rowHeight = 24;
        double labelWidth = 180;
        List<Bar> bars = new ArrayList<>();
        int row = 0;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            double width = (WIDTH - labelWidth - 60) * e.getValue() / (double) max;
            bars.add(new Bar(e.getKey(), e.getValue(), labelWidth, row * rowHeight + 4, round(width), rowHeight - 8));
            row++;
        }
        return bars;
    }

    public static String legend(List<Line> lines) {
        return lines.stream().map(Line::name).collect(Collectors.joining(", "));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
