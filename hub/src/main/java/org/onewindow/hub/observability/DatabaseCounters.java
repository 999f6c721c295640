package org.onewindow.hub.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.QueryType;
import net.ttddyy.dsproxy.StatementType;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.listener.QueryUtils;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counters the database proxy feeds (onewindow.observability.database-counters.enabled):
 * <ul>
 *   <li>{@code onewindow.database.statements{type=select|insert|update|delete|other}}: SQL statements executed, each
 *   entry of a JDBC batch counted;</li>
 *   <li>{@code onewindow.database.executions}: round trips to the driver (execute, executeQuery, executeUpdate,
 *   executeBatch: a batch counts once);</li>
 *   <li>{@code onewindow.database.commits{kind=explicit|auto}}: {@code Connection.commit()} calls (a transaction's
 *   end, empty or not), and statements other than SELECT executed in auto-commit mode (each is a transaction of
 *   its own);</li>
 *   <li>{@code onewindow.database.rollbacks}: {@code Connection.rollback()} calls.</li>
 * </ul>
 */
final class DatabaseCounters implements QueryExecutionListener, MethodExecutionListener {

    /** SQL text → type, since QueryUtils strips comments with regular expressions; the hub has a few hundred statements. */
    private static final int MAX_REMEMBERED = 2_000;

    private final Map<QueryType, Counter> statements = new EnumMap<>(QueryType.class);
    private final Counter executions;
    private final Counter explicitCommits;
    private final Counter autoCommits;
    private final Counter rollbacks;
    private final Map<String, QueryType> types = new ConcurrentHashMap<>();

    DatabaseCounters(MeterRegistry registry) {
        for (QueryType type : QueryType.values()) {
            statements.put(type, Counter.builder("onewindow.database.statements").tag("type", type.name().toLowerCase(Locale.ROOT))
                    .description("SQL statements executed by the hub (each entry of a batch counted)").register(registry));
        }
        executions = Counter.builder("onewindow.database.executions")
                .description("JDBC executions (a batch counts once)").register(registry);
        explicitCommits = Counter.builder("onewindow.database.commits").tag("kind", "explicit")
                .description("transactions ended by Connection.commit() or, kind=auto, by a write in auto-commit mode").register(registry);
        autoCommits = Counter.builder("onewindow.database.commits").tag("kind", "auto")
                .description("transactions ended by Connection.commit() or, kind=auto, by a write in auto-commit mode").register(registry);
        rollbacks = Counter.builder("onewindow.database.rollbacks")
                .description("Connection.rollback() calls").register(registry);
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        executions.increment();
        boolean writes = false;
        if (execution.isBatch() && execution.getStatementType() != StatementType.STATEMENT && !queries.isEmpty()) {
            QueryType type = type(queries.get(0).getQuery());
            statements.get(type).increment(Math.max(1, execution.getBatchSize()));
            writes = type != QueryType.SELECT;
        } else {
            for (QueryInfo query : queries) {
                QueryType type = type(query.getQuery());
                statements.get(type).increment();
                writes |= type != QueryType.SELECT;
            }
        }
        if (writes && autoCommit(execution)) {
            autoCommits.increment();
        }
    }

    private QueryType type(String sql) {
        QueryType type = types.get(sql);
        if (type == null) {
            type = QueryUtils.getQueryType(sql);
            if (types.size() < MAX_REMEMBERED) {
                types.put(sql, type);
            }
        }
        return type;
    }

    private static boolean autoCommit(ExecutionInfo execution) {
        try {
            Connection connection = execution.getStatement() == null ? null : execution.getStatement().getConnection();
            return connection != null && connection.getAutoCommit();
        } catch (SQLException | RuntimeException closed) {
            return false;
        }
    }

    @Override
    public void beforeMethod(MethodExecutionContext context) {
    }

    @Override
    public void afterMethod(MethodExecutionContext context) {
        if (!(context.getTarget() instanceof Connection) || context.getThrown() != null) {
            return;
        }
        String method = context.getMethod().getName();
        if (method.equals("commit")) {
            explicitCommits.increment();
        } else if (method.equals("rollback")) {
            rollbacks.increment();
        }
    }
}
