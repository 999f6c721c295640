package org.onewindow.hub.contract;

import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.HubBrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An integrator opens Swagger UI in a real browser, finds the intake contract's operations, and signs in with the
 * client-credentials flow its Authorize button offers (the token comes from the hub's own /oauth2/token).
 */
class SwaggerUiBrowserTest extends HubBrowserTest {


    @Test
    void swaggerUiListsTheIntakeOperations() throws IOException {
        browser.get("http://localhost:" + port + "/swagger-ui.html");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".opblock"), 3));
        List<String> operations = browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .map(WebElement::getText).map(text -> text.replace("\u200B", "")).toList();
        assertThat(operations).contains("/api/v1/cases", "/api/v1/cases/{caseId}", "/api/v1/catalogue/items", "/api/v1/catalogue/bundles");
        assertThat(browser.findElement(By.cssSelector(".info .title")).getText()).contains("OneWindow Hub intake API");
        Files.write(Path.of("target", "swagger-ui.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void swaggerUiGetsATokenWithTheClientCredentialsFlow() {
        browser.get("http://localhost:" + port + "/swagger-ui.html");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".btn.authorize"))).click();
        WebElement flow = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'auth-container')][.//h4[contains(.,'systemToken')]]")));
        assertThat(flow.getText()).contains("clientCredentials", "/oauth2/token");
        flow.findElement(By.cssSelector("input#client_id_clientCredentials")).sendKeys("hall-xuanwu");
        flow.findElement(By.cssSelector("input#client_secret_clientCredentials")).sendKeys("demo-xuanwu-secret");
        flow.findElement(By.cssSelector("label[for='intake-clientCredentials-checkbox-systemToken']")).click();
        flow.findElement(By.cssSelector("button.modal-btn.authorize")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(flow, "Authorized"));
    }
}
