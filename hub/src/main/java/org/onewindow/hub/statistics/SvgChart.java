package org.onewindow.hub.statistics;

import java.math.BigDecimal;
import java.util.List;

/**
 * One figure over time as a standalone SVG 1.1 line chart (no script, no external reference): a title and axis labels
 * in Chinese and English, one series per department or item (a polyline broken where the figure has no value, a dot
 * per value, a legend), the y axis from 0 to a rounded maximum (percentages for ratios).
 */
final class SvgChart {

    record Series(String code, String name, List<BigDecimal> values) {
    }

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int WIDTH = 880;
    private static final int LEFT = 70;
    private static final int RIGHT = 200;
    private static final int TOP = 60;
    private static final int PLOT_HEIGHT = 300;
    private static final int BOTTOM = 90;

    private SvgChart() {
    }

    static String render(String title, String subtitle, String yLabel, List<String> periods, List<Series> series) {
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        int plotWidth = WIDTH - LEFT - RIGHT;
        double max = series.stream().flatMap(s -> s.values().stream()).filter(java.util.Objects::nonNull)
                .mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        double top = niceTop(max);
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"chart-title\"")
                .append(" font-family=\"'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei','PingFang SC',sans-serif\" font-size=\"12\">\n");
        svg.append("<title id=\"chart-title\">").append(xml(title)).append("</title>\n");
        svg.append("<desc>").append(xml(subtitle)).append("</desc>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append(text(WIDTH / 2.0, 26, "middle", "16", "chart-heading", title));
        svg.append(text(WIDTH / 2.0, 44, "middle", "11", "chart-subtitle", subtitle));
        // axes and horizontal grid, five steps
        for (int i = 0; i <= 5; i++) {
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * i / 5.0;
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(fmt(y)).append("\" x2=\"").append(LEFT + plotWidth)
                    .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"").append(i == 0 ? "#333333" : "#e0e0e0").append("\"/>\n");
            svg.append(text(LEFT - 6, y + 4, "end", "11", "y-tick", number(top * i / 5.0)));
        }
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT).append("\" y2=\"")
                .append(TOP + PLOT_HEIGHT).append("\" stroke=\"#333333\"/>\n");
        int n = periods.size();
        double step = n <= 1 ? 0 : (double) plotWidth / (n - 1);
        int every = Math.max(1, (int) Math.ceil(n / 16.0));
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? LEFT + plotWidth / 2.0 : LEFT + step * i;
            if (i % every == 0 || i == n - 1) {
                double y = TOP + PLOT_HEIGHT + 14;
                svg.append("<text class=\"x-tick\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y))
                        .append("\" text-anchor=\"end\" font-size=\"11\" transform=\"rotate(-35 ").append(fmt(x)).append(' ').append(fmt(y))
                        .append(")\">").append(xml(periods.get(i))).append("</text>\n");
            }
        }
        svg.append(text(LEFT + plotWidth / 2.0, height - 12, "middle", "13", "x-label", "时段 Period"));
        double yMid = TOP + PLOT_HEIGHT / 2.0;
        svg.append("<text class=\"y-label\" x=\"18\" y=\"").append(fmt(yMid)).append("\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 18 ")
                .append(fmt(yMid)).append(")\">").append(xml(yLabel)).append("</text>\n");
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder d = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < n; i++) {
                BigDecimal v = i < one.values().size() ? one.values().get(i) : null;
                if (v == null) {
                    pen = false;
                    continue;
                }
                double x = n == 1 ? LEFT + plotWidth / 2.0 : LEFT + step * i;
                double y = TOP + PLOT_HEIGHT - (top == 0 ? 0 : PLOT_HEIGHT * v.doubleValue() / top);
                d.append(pen ? " L" : (d.isEmpty() ? "M" : " M")).append(fmt(x)).append(' ').append(fmt(y));
                pen = true;
                dots.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"3\" fill=\"").append(colour)
                        .append("\"><title>").append(xml(one.name() + " " + periods.get(i) + ": " + v.toPlainString())).append("</title></circle>\n");
            }
            svg.append("<g class=\"series\" data-series=\"").append(xml(one.code())).append("\">\n");
            if (!d.isEmpty()) {
                svg.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"/>\n");
            }
            svg.append(dots).append("</g>\n");
            double ly = TOP + 10 + 20 * s;
            int lx = WIDTH - RIGHT + 20;
            svg.append("<g class=\"legend\"><line x1=\"").append(lx).append("\" y1=\"").append(fmt(ly)).append("\" x2=\"").append(lx + 20)
                    .append("\" y2=\"").append(fmt(ly)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"3\"/>")
                    .append(text(lx + 26, ly + 4, "start", "12", "legend-label", one.name()).stripTrailing()).append("</g>\n");
        }
        if (series.isEmpty()) {
            svg.append(text(LEFT + plotWidth / 2.0, yMid, "middle", "14", "no-data", "无数据 No data"));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** The smallest of 1, 2, 2.5, 5 × 10^k at or above the maximum (1 when all is 0). */
    static double niceTop(double max) {
        if (max <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * power >= max - 1e-9) {
                return f * power;
            }
        }
        return 10 * power;
    }

    private static String text(double x, double y, String anchor, String size, String css, String content) {
        return "<text class=\"" + css + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size + "\">"
                + xml(content) + "</text>\n";
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String fmt(double v) {
        return BigDecimal.valueOf(v).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
