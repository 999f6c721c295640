package org.onewindow.hub.testkit;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person signed in through the login form, as a browser is: a session cookie and the CSRF token the hub's pages
 * carry. Posts send that token, so a refusal is the hub's authorization speaking, not a missing token.
 */
public final class SignedInSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    private SignedInSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs the person in on /login and keeps the session. */
    public static SignedInSession of(int port, DemoCallers person) {
        SignedInSession session = new SignedInSession("http://localhost:" + port);
        session.refreshCsrf();
        HubClient.Reply signIn = session.postForm("/login", Map.of("username", person.id(), "password", person.secret()));
        if (signIn.status() != 302 || signIn.location() == null || signIn.location().contains("error")) {
            throw new IllegalStateException("sign-in of " + person.id() + " failed: " + signIn.status() + " " + signIn.location());
        }
        session.refreshCsrf(); // the token changes with the session at sign-in
        return session;
    }

    private void refreshCsrf() {
        Matcher m = CSRF.matcher(get("/login").body());
        if (!m.find()) {
            throw new IllegalStateException("the login page carries no CSRF token");
        }
        csrf = m.group(1);
    }

    public HubClient.Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
    }

    /** Follows a redirect as a browser does (a page's action answers 302 to the page that shows its outcome). */
    public HubClient.Reply follow(HubClient.Reply redirect) {
        String location = redirect.location();
        if (location == null) {
            throw new IllegalStateException("not a redirect: " + redirect.status());
        }
        return send(HttpRequest.newBuilder(URI.create(base).resolve(location)).header("Accept", "text/html").GET());
    }

    /** A form post, with the session's CSRF token added. */
    public HubClient.Reply postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        body = (body.isEmpty() ? "" : body + "&") + "_csrf=" + encode(csrf);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HubClient.Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HubClient.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Location").orElse(null), response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
