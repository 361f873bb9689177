package io.maestro.app.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through chromedriver (Debian's {@code chromium} and {@code chromium-driver}), pointed at
 * the running application; screenshots go to {@code target/console-screenshots}.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Where Chromium and its driver are on this machine, if they are. */
    static Optional<Path[]> installed() {
        Optional<Path> browser = BROWSERS.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        Optional<Path> driver = DRIVERS.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        return browser.isPresent() && driver.isPresent() ? Optional.of(new Path[] {browser.get(), driver.get()})
                : Optional.empty();
    }

    /**
     * Starts headless Chromium against the application on {@code port}; without Chromium and its driver on this
     * machine, the calling {@code tests} are skipped, saying what to install.
     */
    static Browser startOrSkip(int port, String tests) {
        Optional<Path[]> installed = installed();
        Assumptions.assumeTrue(installed.isPresent(), "No Chromium and chromedriver on this machine: " + tests
                + " SKIPPED (install them: apt-get install chromium chromium-driver)");
        return start(installed.get(), port);
    }

    static Browser start(Path[] installed, int port) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installed[0].toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(installed[1].toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
    }

    /** Opens the page and waits until the console has drawn it from the API (other pages: until they are loaded). */
    void open(String path) {
        driver.get(base + path);
        awaitLoaded();
    }

    /** Waits until no console page is still loading its data ({@code main[aria-busy=true]}). */
    void awaitLoaded() {
        await(d -> !loading());
    }

    private boolean loading() {
        return !all("main[aria-busy=true]").isEmpty();
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void click(String css) {
        find(css).click();
    }

    /** Clicks the element once the page shows it (pages that build themselves in the browser, like Tasklist). */
    void clickWhenShown(String css) {
        await(d -> all(css).stream().anyMatch(WebElement::isDisplayed));
        all(css).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow().click();
    }

    /** Clicks the first shown element whose own text contains {@code text} (Tasklist's links and buttons). */
    void clickText(String text) {
        By byText = By.xpath("//*[self::a or self::button or self::label or self::h4 or self::span]"
                + "[contains(normalize-space(.), \"" + text + "\")]");
        await(d -> d.findElements(byText).stream().anyMatch(WebElement::isDisplayed));
        List<WebElement> shown = driver.findElements(byText).stream().filter(WebElement::isDisplayed).toList();
        WebElement target = shown.get(shown.size() - 1);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                target);
        target.click();
    }

    /** Runs {@code script} in the page (asynchronously: it calls {@code arguments[arguments.length - 1]} with its answer). */
    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    void scrollTo(String css) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                find(css));
    }

    String pageText() {
        return find("body").getText();
    }

    void logIn(String user, String password) {
        open("/login");
        type("#username", user);
        type("#password", password);
        click("#login");
    }

    /** Starts over without a session. */
    void forgetSession() {
        driver.manage().deleteAllCookies();
    }

    /** Polls until {@code condition} gives something other than null or false. */
    <T> T await(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(200)).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Waited in vain at " + driver.getCurrentUrl() + ", the page says:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Reloads the page until its text contains {@code text} (pages show news on reload). */
    void reloadUntil(String text) {
        reloadUntil("body", text);
    }

    /** Reloads the page until the element's text is {@code text}. */
    void reloadUntil(String css, String text) {
        await(d -> {
            if (loading()) {
                return false;
            }
            if (all(css).stream().anyMatch(e -> e.getText().contains(text))) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
    }

    void reloadWhile(String text) {
        await(d -> {
            if (loading()) {
                return false;
            }
            if (!pageText().contains(text)) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
