package org.onewindow.hub.faults;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.onewindow.hub.testkit.ProductionPostgres;
import org.onewindow.seeds.simulators.DepartmentSimulators;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The end of every scenario: the store reconciled against what the intake system was told and what every department
 * received. A case is lost when the intake system got 202 for it and it is not there, or when it is there and did not
 * complete. A department request is repeated when a task (or a data share) reached its department more than once with
 * its own key (an idempotent repeat the department ignores), and duplicated when a department got a request for one
 * of the scenario's cases under a key the hub never gave a task or share (the same work twice, which a department
 * would do twice): that must never happen.
 */
final class Reconciliation {

    /** The request headers the adapters carry a task's or share's id in (kit parameter idempotencyHeader). */
    private static final List<String> KEY_HEADERS = List.of("Idempotency-Key", "X-Trans-Seq", "X-Request-Id");
    private static final Set<String> FINAL = Set.of("COMPLETED", "REJECTED", "TERMINATED");

    private Reconciliation() {
    }

    /** Waits until no case of the store is still open, or {@code within} passed; how many are still open. */
    static long awaitSettled(ProductionPostgres postgres, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        long open;
        do {
            open = count(postgres, "SELECT COUNT(*) FROM cases WHERE status NOT IN ('COMPLETED', 'REJECTED', 'TERMINATED')");
            if (open == 0) {
                return 0;
            }
            Thread.sleep(2000);
        } while (System.nanoTime() < deadline);
        return open;
    }

    static ScenarioResult reconcile(String scenario, String fault, ProductionPostgres postgres, DepartmentSimulators departments,
                                    List<ServeEvent> earlierRequests, SteadyLoad load, Instant faultEnded, List<String> notes)
            throws SQLException {
        Map<String, String> caseStatus = new HashMap<>();
        Map<String, Instant> caseUpdated = new HashMap<>();
        Map<String, Instant> caseCreated = new HashMap<>();
        Set<String> knownKeys = new HashSet<>();
        Map<String, Long> statusCounts = new TreeMap<>();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT case_id, status, created_at, updated_at FROM cases")) {
                while (rows.next()) {
                    caseStatus.put(rows.getString(1), rows.getString(2));
                    caseCreated.put(rows.getString(1), rows.getTimestamp(3).toInstant());
                    caseUpdated.put(rows.getString(1), rows.getTimestamp(4).toInstant());
                    statusCounts.merge(rows.getString(2), 1L, Long::sum);
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT task_id FROM case_tasks UNION SELECT share_id FROM data_shares")) {
                while (rows.next()) {
                    knownKeys.add(rows.getString(1));
                }
            }
        }
        Map<String, String> answered = load.accepted();
        int lost = 0;
        for (String caseId : answered.values()) {
            if (!caseStatus.containsKey(caseId)) {
                lost++;
                notes.add("case " + caseId + " was answered 202 and is not in the store");
            }
        }
        int completed = 0;
        for (Map.Entry<String, String> c : caseStatus.entrySet()) {
            if ("COMPLETED".equals(c.getValue())) {
                completed++;
            } else {
                lost++;
                notes.add("case " + c.getKey() + " ended " + c.getValue() + " (not completed): " + tasksOf(postgres, c.getKey()));
            }
        }

        Map<String, Integer> requestsPerKey = new HashMap<>();
        int otherKey = 0;
        List<LoggedRequest> requests = new ArrayList<>();
        earlierRequests.forEach(event -> requests.add(event.getRequest()));
        for (String department : departments.departments()) {
            WireMockServer server = departments.server(department).orElseThrow();
            server.getAllServeEvents().forEach(event -> requests.add(event.getRequest()));
        }
        for (LoggedRequest request : requests) {
            if ("GET".equals(request.getMethod().getName())) {
                continue; // status queries and look-ups: asking is not doing
            }
            String key = key(request);
            if (key == null) {
                continue;
            }
            if (knownKeys.contains(key)) {
                requestsPerKey.merge(key, 1, Integer::sum);
            } else if (caseStatus.keySet().stream().anyMatch(key::startsWith)) {
                otherKey++;
                notes.add("a department got " + request.getMethod() + " " + request.getUrl() + " under key " + key
                        + ", which is no task or share of the hub");
            }
        }
        int repeated = requestsPerKey.values().stream().mapToInt(n -> n - 1).sum();
        long tasksRepeated = requestsPerKey.values().stream().filter(n -> n > 1).count();

        Duration recovery = Duration.ZERO;
        for (Map.Entry<String, Instant> created : caseCreated.entrySet()) {
            if (created.getValue().isBefore(faultEnded) && FINAL.contains(caseStatus.get(created.getKey()))) {
                Duration took = Duration.between(faultEnded, caseUpdated.get(created.getKey()));
                if (took.compareTo(recovery) > 0) {
                    recovery = took;
                }
            }
        }
        return new ScenarioResult(scenario, fault, load.submitted(), answered.size(), caseStatus.size(), completed, lost,
                load.unanswered(), load.refusals().size(), repeated, tasksRepeated, otherKey, recovery, statusCounts, notes);
    }

    /** Where a case's tasks stand, for a note on a case that did not complete. */
    private static String tasksOf(ProductionPostgres postgres, String caseId) throws SQLException {
        List<String> tasks = new ArrayList<>();
        try (Connection connection = postgres.connect();
             var statement = connection.prepareStatement("SELECT task_id, department, status, held_by, redispatches, updated_at, "
                     + "status_reason FROM case_tasks WHERE case_id = ? ORDER BY task_id")) {
            statement.setString(1, caseId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tasks.add(rows.getString(1).substring(caseId.length()) + " " + rows.getString(2) + " " + rows.getString(3)
                            + (rows.getString(4) == null ? "" : " held by " + rows.getString(4))
                            + (rows.getInt(5) == 0 ? "" : ", sent again " + rows.getInt(5) + "x")
                            + " since " + rows.getTimestamp(6).toInstant()
                            + (rows.getString(7) == null ? "" : " (" + rows.getString(7) + ")"));
                }
            }
        }
        return String.join("; ", tasks);
    }

    private static String key(LoggedRequest request) {
        for (String header : KEY_HEADERS) {
            if (request.containsHeader(header)) {
                return request.getHeader(header);
            }
        }
        return null;
    }

    private static long count(ProductionPostgres postgres, String sql) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
