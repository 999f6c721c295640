package org.onewindow.hub.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onewindow.hub.testkit.Browser;
import org.onewindow.hub.testkit.DemoApplicants;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;

/**
 * Issue 14's "done when", in Debian's Chromium at 1366×768, once in English and once in Chinese: an operator signs in,
 * a department's simulator stops, the overview turns the department red within 10 s without a reload, its tasks pile up
 * in dead letters once they waited their limit, the simulator comes back, the operator replays them all from the
 * console, and every case completes with exactly one request per task at the department (its journal, by idempotency
 * key). Along the way the browser takes the screenshots of docs/console/ that the README shows.
 * <p>
 * Shares its context (the short wait for a department) with DeadLettersAndPausesTest.
 */
@TestPropertySource(properties = {"onewindow.tasks.max-wait-for-department=3s", "onewindow.pauses.check-interval-ms=500"})
class ConsoleBrowserTest extends HubTest {

    private static final String SI = "social-insurance";
    private static final int CASES = 3;
    /** the screenshots the README shows, taken here (the build runs in hub/) */
    private static final Path SHOTS = Path.of("..", "docs", "console");

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;

    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
        browser.manage().window().setSize(new Dimension(1366, 768));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void departmentBack() {
        if (!simulators.server(SI).orElseThrow().isRunning()) { // a failed run must not leave it down for the next
            simulators.bringBack(SI);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en    | Overview: departments, routes, queues | Down | Dead letters and maintenance windows | Replayed",
            "zh-CN | 概览：部门、路由、队列                   | 中断  | 死信处置与维护窗口                      | 已重放"})
    void anOperatorWatchesADepartmentGoDownAndReplaysItsStuckWork(String lang, String overviewTitle, String down,
                                                                  String deadLettersTitle, String replayed) throws IOException {
        String shot = lang.startsWith("zh") ? "zh" : "en";
        signIn();
        open("/console?lang=" + lang);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(overviewTitle);
        assertThat(row(SI).getAttribute("data-state")).isIn("UP", "FAILING");
        browser.executeScript("window.notReloaded = true;");

        // the department's system stops; cases keep coming to the window
        long stoppedAt = System.nanoTime();
        simulators.takeDown(SI);
        HubClient intake = new HubClient(port);
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            cases.add(intake.submitAccepted(UUID.randomUUID().toString(), DemoApplicants.enrolment("张三", DemoApplicants.ZHANG_SAN)));
        }

        // red on the overview within 10 s, by its live update (the page is not reloaded)
        live(Duration.ofSeconds(10)).until(b -> "DOWN".equals(row(SI).getAttribute("data-state")));
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofSeconds(10));
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        live(Duration.ofSeconds(5)).until(b -> row(SI).findElement(By.cssSelector(".state")).getText().equals(down)
                && row(SI).getText().toLowerCase().contains("refused")); // the state in words, and the last error

        // once they waited their limit (3 s here) the tasks pile up in dead letters, on the overview too
        live(Duration.ofSeconds(30)).until(b ->
                Long.parseLong(row(SI).findElement(By.cssSelector("td:last-child")).getText().strip()) >= CASES);
        screenshot("overview-" + shot);

        open("/console/dead-letters?department=" + SI);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(deadLettersTitle);
        List<String> tasks = browser.findElements(By.cssSelector("#letters tbody tr[data-task]")).stream()
                .map(tr -> tr.getAttribute("data-task")).toList();
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(CASES);
        // each reason says the department could not be reached: its last try was refused, or its circuit was open by then
        assertThat(browser.findElement(By.id("letters")).getText()).containsPattern("(?i)connection refused|circuitbreaker .* is open");
        screenshot("dead-letters-" + shot);

        // the department is back: replay all of it from the console
        simulators.bringBack(SI);
        browser.findElement(By.id("replay-all")).click();
        browser.switchTo().alert().accept();
        page(By.id("results"));
        List<WebElement> results = browser.findElements(By.cssSelector("#results tbody tr"));
        assertThat(results).hasSize(tasks.size());
        results.forEach(r -> assertThat(r.getAttribute("data-outcome")).isEqualTo("REPLAYED"));
        assertThat(results.get(0).getText()).contains(replayed);
        screenshot("replayed-" + shot);

        // every case completes, and the department received each task exactly once
        HubClient asIntake = new HubClient(port);
        for (String caseId : cases) {
            awaitStatus(asIntake, caseId, "COMPLETED", Duration.ofSeconds(30));
        }
        WireMockServer department = simulators.server(SI).orElseThrow();
        for (String caseId : cases) {
            JsonNode view = asIntake.caseView(caseId);
            for (JsonNode task : view.get("tasks")) {
                String taskId = task.get("taskId").asText();
                assertThat(department.findAll(anyRequestedFor(anyUrl()).withHeader("Idempotency-Key", equalTo(taskId))))
                        .as("requests for %s at %s", taskId, SI).hasSize(1);
            }
            assertThat(view.get("timeline").findValuesAsText("type")).contains("TASK_DEAD_LETTERED", "TASK_REPLAYED", "CASE_COMPLETED");
        }
        // nothing is left to replay, and the overview's count falls back
        open("/console/dead-letters?department=" + SI);
        assertThat(browser.findElements(By.cssSelector("#letters tbody tr[data-task]"))).isEmpty();

        // the case's story: opened for a reason, which the access log keeps
        open("/console/cases?caseId=" + cases.get(0));
        screenshot("cases-" + shot);
        browser.findElement(By.cssSelector("#found a")).click();
        page(By.id("reason"));
        browser.findElement(By.id("reason")).sendKeys("核查重放结果 ticket 14");
        browser.findElement(By.id("open")).click();
        page(By.id("case-status"));
        assertThat(browser.findElement(By.id("case-status")).getAttribute("data-status")).isEqualTo("COMPLETED");
        assertThat(browser.findElements(By.cssSelector("#timeline tr[data-event=TASK_REPLAYED]"))).isNotEmpty();
        screenshot("case-" + shot);
        // the applicant sees who read the case and why (the access log)
        assertThat(new HubClient(port).withBearer(DemoCallers.ZHANG_SAN_TOKEN).get("/api/v1/my-data-access?size=20").body())
                .contains(cases.get(0), "核查重放结果 ticket 14", "console case page");

        open("/console/supervision");
        // the statistics' charts load (as images of the operator's session), each drawn
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> Boolean.TRUE.equals(browser.executeScript(
                "var charts = document.querySelectorAll('img[data-chart]');"
                        + "return charts.length > 0 && Array.prototype.every.call(charts, function (c) { return c.complete && c.naturalWidth > 0; });")));
        screenshot("supervision-" + shot);
        open("/console/actions");
        assertThat(browser.findElements(By.cssSelector("#actions tr[data-action=REPLAY][data-outcome=DONE]"))).hasSizeGreaterThanOrEqualTo(CASES);
        screenshot("actions-" + shot);
    }

    /** Waits on the overview's live tables, which are redrawn under the test's feet every 2 s. */
    private static WebDriverWait live(Duration within) {
        WebDriverWait wait = new WebDriverWait(browser, within);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Waits for the page a click led to (a form posted, a link followed) to show this element. */
    private static WebElement page(By element) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    private void signIn() {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(DemoCallers.OPERATOR.id());
        browser.findElement(By.id("password")).sendKeys(DemoCallers.OPERATOR.secret());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        page(By.id("to-console")).click();
        page(By.id("departments"));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** The department's row on the overview, as the live update last drew it. */
    private static WebElement row(String department) {
        return browser.findElement(By.cssSelector("#departments tr[data-department='" + department + "']"));
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
