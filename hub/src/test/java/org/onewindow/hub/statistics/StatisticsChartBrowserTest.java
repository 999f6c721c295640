package org.onewindow.hub.statistics;

import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubBrowserTest;
import org.openqa.selenium.OutputType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statistics chart opened in Debian's Chromium, as an operator opens it from the console: signed in, the SVG
 * address typed in. The browser renders it as an SVG document (not as XML text): its root is an {@code <svg>} in the
 * SVG namespace, its title is the figure's, and each department's line has a drawn size.
 */
class StatisticsChartBrowserTest extends HubBrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void theSatisfactionChartRendersInARealBrowser() throws IOException {
        StatisticsFixture.ensure(jdbc);
        signIn(DemoCallers.OPERATOR);
        browser.get("http://localhost:" + port + "/api/v1/stats/charts/satisfactionRate.svg?period=week&from=2026-04-27&to=2026-05-10");

        Map<String, Object> rendered = (Map<String, Object>) browser.executeScript("""
                const root = document.documentElement;
                const line = document.querySelector('g.series[data-series="real-estate"] path');
                const box = line.getBBox();
                return {
                  root: root.localName, ns: root.namespaceURI,
                  title: document.querySelector('title').textContent,
                  heading: document.querySelector('text.chart-heading').textContent,
                  series: Array.from(document.querySelectorAll('g.series')).map(g => g.getAttribute('data-series')),
                  dots: document.querySelectorAll('g.series circle').length,
                  lineWidth: box.width, lineHeight: box.height,
                  svgWidth: root.getBoundingClientRect().width
                };""");
        assertThat(rendered.get("root")).isEqualTo("svg");
        assertThat(rendered.get("ns")).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(rendered.get("title")).isEqualTo("满意率 Satisfaction rate (%)");
        assertThat(rendered.get("heading")).isEqualTo("满意率 Satisfaction rate (%)");
        assertThat((List<String>) rendered.get("series")).containsExactly("real-estate", "social-insurance", "tax");
        // real-estate 100.0 and 66.7; social-insurance 0.0 in week 18 only; tax 0.0 in week 19 only: 4 dots
        assertThat(((Number) rendered.get("dots")).intValue()).isEqualTo(4);
        // the real-estate line runs from week 18 to week 19 and falls from 100 % to 66.7 %: it has a drawn width and height
        assertThat(((Number) rendered.get("lineWidth")).doubleValue()).isGreaterThan(100);
        assertThat(((Number) rendered.get("lineHeight")).doubleValue()).isGreaterThan(10);
        assertThat(((Number) rendered.get("svgWidth")).doubleValue()).isEqualTo(880.0);
        Files.write(Path.of("target", "statistics-chart.png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
