package org.onewindow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A line chart as an SVG file, for the report. Written here rather than drawn with a charting library:
 * those draw through Java AWT, which needs fonts and a font configuration a fresh CI machine may not have,
 * while SVG text is rendered by whoever views the report.
 */
final class SvgChart {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};
    private static final int W = 760, H = 420, LEFT = 70, RIGHT = 190, TOP = 40, BOTTOM = 60;

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final boolean logX;
    private final Map<String, List<double[]>> series = new LinkedHashMap<>();

    SvgChart(String title, String xTitle, String yTitle, boolean logX) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.logX = logX;
    }

    SvgChart series(String name, List<double[]> points) {
        if (!points.isEmpty()) {
            series.put(name, points);
        }
        return this;
    }

    String render() {
        List<double[]> all = new ArrayList<>();
        series.values().forEach(all::addAll);
        double minX = all.stream().mapToDouble(p -> x(p[0])).min().orElse(0);
        double maxX = all.stream().mapToDouble(p -> x(p[0])).max().orElse(1);
        if (maxX == minX) {
            maxX = minX + 1;
        }
        double maxY = niceCeiling(all.stream().mapToDouble(p -> p[1]).max().orElse(1));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", W, H));
        svg.append(text(W / 2.0 - RIGHT / 2.0, 22, title, "middle", 15));
        int plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
        for (int i = 0; i <= 5; i++) {
            double v = maxY * i / 5;
            double y = TOP + plotH - plotH * i / 5.0;
            svg.append(line(LEFT, y, LEFT + plotW, y, "#ddd"));
            svg.append(text(LEFT - 6, y + 4, format(v), "end", 11));
        }
        List<Double> ticks = new ArrayList<>();
        all.forEach(p -> {
            if (!ticks.contains(p[0])) {
                ticks.add(p[0]);
            }
        });
        for (double t : ticks) {
            double px = LEFT + plotW * (x(t) - minX) / (maxX - minX);
            svg.append(line(px, TOP + plotH, px, TOP + plotH + 5, "#333"));
            svg.append(text(px, TOP + plotH + 18, format(t), "middle", 11));
        }
        svg.append(line(LEFT, TOP, LEFT, TOP + plotH, "#333")).append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#333"));
        svg.append(text(LEFT + plotW / 2.0, H - 15, xTitle, "middle", 12));
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">%s</text>%n",
                TOP + plotH / 2.0, TOP + plotH / 2.0, escape(yTitle)));
        int s = 0;
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (double[] p : e.getValue()) {
                double px = LEFT + plotW * (x(p[0]) - minX) / (maxX - minX);
                double py = TOP + plotH - plotH * Math.min(p[1], maxY) / maxY;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px, py, colour));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n", colour, points.toString().trim()));
            double ly = TOP + 10 + s * 18;
            svg.append(line(W - RIGHT + 15, ly, W - RIGHT + 35, ly, colour));
            svg.append(text(W - RIGHT + 40, ly + 4, e.getKey(), "start", 11));
            s++;
        }
        return svg.append("</svg>\n").toString();
    }

    private double x(double v) {
        return logX ? Math.log10(Math.max(v, 1e-9)) : v;
    }

    private static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double v) {
        if (v >= 1_000_000 && v % 1_000_000 == 0) {
            return (long) (v / 1_000_000) + "M";
        }
        if (v >= 1_000 && v % 1_000 == 0) {
            return (long) (v / 1_000) + "k";
        }
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n", x1, y1, x2, y2, colour);
    }

    private static String text(double x, double y, String text, String anchor, int size) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n", x, y, anchor, size, escape(text));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
