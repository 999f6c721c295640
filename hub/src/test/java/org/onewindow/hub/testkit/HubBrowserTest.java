package org.onewindow.hub.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The hub as {@link HubTest} starts it, with a fresh headless Chromium per test for the pages people look at. */
public abstract class HubBrowserTest extends HubTest {

    @LocalServerPort
    protected int port;
    protected ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    /** Signs a person in through the login page, as they would: types the name and password and presses the button. */
    protected void signIn(DemoCallers person) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(person.id());
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(person.secret());
        browser.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
        org.assertj.core.api.Assertions.assertThat(browser.findElement(org.openqa.selenium.By.id("signed-in")).getText())
                .contains("已登录 Signed in", person.id());
    }
}
