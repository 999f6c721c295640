package org.onewindow.hub.testkit;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;

/**
 * Debian's headless Chromium driven by its chromedriver (.ci/run installs both). Paths are set
 * explicitly so that Selenium Manager never tries to download a browser from the internet.
 */
public final class Browser {
    private static final String CHROMIUM = System.getProperty("onewindow.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("onewindow.chromedriver", "/usr/bin/chromedriver");

    private Browser() {
    }

    public static ChromeDriver open() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver, as .ci/run does");
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1600");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        return new ChromeDriver(service, options);
    }
}
