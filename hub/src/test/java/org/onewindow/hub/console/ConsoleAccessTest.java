package org.onewindow.hub.console;

import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.hub.testkit.SignedInSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console is the operators' (issue 14): every console page and action, as the hub maps them (a new one is covered
 * without being listed here), answers 403 to a person signed in without the operator role (an auditor; an
 * administrator holds the operator's role too) and to systems, and asks anyone unknown to sign in; the operator gets
 * the page.
 */
class ConsoleAccessTest extends HubTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(RequestMethod method, String path) {
    }

    private List<Endpoint> consoleEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/console") || pattern.startsWith("/console/")) {
                    String path = pattern.replaceAll("\\{[^}]+}", "C-20261206-000001").replace("C-20261206-000001", "x1");
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods).forEach(m -> endpoints.add(new Endpoint(m, path)));
                }
            }
        }
        endpoints.add(new Endpoint(RequestMethod.GET, "/console/assets/console.js"));
        endpoints.add(new Endpoint(RequestMethod.GET, "/console/assets/console.css"));
        return endpoints;
    }

    @Test
    void everyConsolePageAndActionRefusesPeopleWithoutTheOperatorRole() {
        List<Endpoint> endpoints = consoleEndpoints();
        assertThat(endpoints).as("console endpoints found").hasSizeGreaterThanOrEqualTo(8)
                .anyMatch(e -> e.method() == RequestMethod.POST);
        for (DemoCallers person : List.of(DemoCallers.AUDITOR)) {
            SignedInSession session = SignedInSession.of(port, person);
            for (Endpoint endpoint : endpoints) {
                HubClient.Reply reply = endpoint.method() == RequestMethod.GET ? session.get(endpoint.path())
                        : session.postForm(endpoint.path(), Map.of("reason", "test", "taskId", "x1"));
                assertThat(reply.status()).as("%s %s as %s", endpoint.method(), endpoint.path(), person.id()).isEqualTo(403);
                assertThat(reply.body()).doesNotContain("Exception", "org.onewindow");
            }
        }
        // systems with tokens are no people: refused too
        HubClient intake = new HubClient(port).as(DemoCallers.HALL_XUANWU);
        assertThat(intake.get("/console").status()).isEqualTo(403);
        // nobody signed in: a browser is sent to the login page, a script gets 401
        HubClient.Reply anonymous = new HubClient(port).anonymous().get("/console", Map.of("Accept", "text/html"));
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).endsWith("/login");
        assertThat(new HubClient(port).anonymous().get("/console/overview.json").status()).isEqualTo(401);
    }

    /** The maintenance window from the console: a pause needs a reason, shows on the overview, and is audited. */
    @Test
    void theOperatorPausesAndResumesADepartmentWithAReason() {
        SignedInSession operator = SignedInSession.of(port, DemoCallers.OPERATOR);
        HubClient.Reply noReason = operator.postForm("/console/departments/police/pause", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(302);
        assertThat(operator.get("/console/dead-letters?lang=en").status()).isEqualTo(200); // labels in English from here on
        assertThat(operator.follow(noReason).body()).contains("A pause needs a reason").doesNotContain("state-PAUSED");
        HubClient.Reply paused = operator.postForm("/console/departments/police/pause", Map.of("reason", "户政系统升级 20:00-22:00"));
        assertThat(paused.status()).isEqualTo(302);
        try {
            String page = operator.follow(paused).body();
            assertThat(page).contains("Sending paused", "户政系统升级 20:00-22:00");
            assertThat(operator.get("/console/overview/live").body()).containsPattern("data-department=\"police\"[^>]*data-state=\"PAUSED\"");
            assertThat(operator.get("/console/actions?lang=en").body()).contains("户政系统升级 20:00-22:00");
        } finally {
            HubClient.Reply resumed = operator.postForm("/console/departments/police/resume", Map.of());
            assertThat(resumed.status()).isEqualTo(302);
            assertThat(operator.follow(resumed).body()).contains("Sending resumed");
        }
        // UP, or FAILING when another test class broke its replies within the last 5 minutes: not PAUSED any more
        assertThat(operator.get("/console/overview/live").body()).containsPattern("data-department=\"police\"[^>]*data-state=\"(UP|FAILING)\"");
        // a department the hub does not know, a malformed search: 400 problem+json, nothing changed
        HubClient.Reply unknown = operator.postForm("/console/departments/nobody/pause", Map.of("reason", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        HubClient.Reply badSearch = operator.get("/console/cases?status=NOPE&from=yesterday");
        assertThat(badSearch.status()).isEqualTo(400);
        assertThat(badSearch.body()).contains("status", "from").doesNotContain("Exception");
    }

    @Test
    void theOperatorGetsEveryPage() {
        SignedInSession operator = SignedInSession.of(port, DemoCallers.OPERATOR);
        for (String page : List.of("/console", "/console/overview/live", "/console/cases", "/console/supervision",
                "/console/cases/C-1", "/console/assets/console.js")) {
            HubClient.Reply reply = operator.get(page);
            assertThat(reply.status()).as(page).isEqualTo(200);
            assertThat(reply.body()).as("labels of %s", page).doesNotContain("??");
        }
    }
}
