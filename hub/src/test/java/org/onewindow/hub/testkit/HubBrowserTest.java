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
}
