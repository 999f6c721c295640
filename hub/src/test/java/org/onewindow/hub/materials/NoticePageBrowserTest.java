package org.onewindow.hub.materials;

import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.HubBrowserTest;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-time notice (一次性告知单) printed from a real browser: the intake system fetches it with its token; a
 * person signs in first (here an operator, who states why they open it), and a browser that has not signed in is
 * shown the login page instead.
 */
class NoticePageBrowserTest extends HubBrowserTest {


    @Test
    void thePrintableNoticeListsWhatToBringAndWhatIsExempt() throws IOException {
        HubClient hub = new HubClient(port);
        HubClient.Reply notice = hub.post("/api/v1/notices", "application/json", null,
                HttpRequest.BodyPublishers.ofString(Files.readString(Path.of("../seeds/demo/restaurant-company-case.json"))));
        assertThat(notice.status()).as(notice.body()).isEqualTo(201);

        String printUrl = "http://localhost:" + port + notice.json().get("printUrl").asText();
        browser.get(printUrl);
        assertThat(browser.getCurrentUrl()).as("not signed in: the login page").endsWith("/login");
        assertThat(browser.getTitle()).startsWith("登录 Sign in");

        signIn(DemoCallers.OPERATOR);
        browser.get(printUrl + "?reason=" + java.net.URLEncoder.encode("窗口补打告知单", java.nio.charset.StandardCharsets.UTF_8));

        assertThat(browser.getTitle()).startsWith("一次性告知单 One-time notice");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("一次性告知单");
        List<String> sections = browser.findElements(By.cssSelector("h2")).stream().map(WebElement::getText).toList();
        assertThat(sections).hasSize(3).allSatisfy(s -> assertThat(s).isNotBlank());
        List<String> exempt = browser.findElements(By.xpath("//h2[@data-section='Materials you need not bring (免提交)']"
                + "/following-sibling::table[1]//tr[@data-material]")).stream().map(row -> row.getAttribute("data-material")).toList();
        assertThat(exempt).contains("business-licence", "legal-rep-id-card");
        List<String> toBring = browser.findElements(By.xpath("//h2[@data-section='Materials to bring']"
                + "/following-sibling::table[1]//tr[@data-material]")).stream().map(row -> row.getAttribute("data-material")).toList();
        // the housing fund's unit registration form (企业开办's deposit registration) is brought too
        assertThat(toBring).containsExactlyInAnyOrder("registration-application", "articles-of-association", "food-safety-rules",
                "premises-layout", "unit-registration-form");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("营业执照", "1.2.156.3005.2.")
                .doesNotContain("91320102MA1XYW123R");
        Files.write(Path.of("target", "one-time-notice.png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
