package org.onewindow.hub.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseCountersTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private DataSource dataSource;

    @BeforeEach
    void wrapAnInMemoryDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:counters-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("meterRegistry", registry);
        BeanPostProcessor wrapper = DatabaseCountersConfiguration.databaseCountingPostProcessor(beans.getBeanProvider(MeterRegistry.class));
        dataSource = (DataSource) wrapper.postProcessAfterInitialization(h2, "dataSource");
    }

    @Test
    void countsStatementsByTypeBatchEntriesOneByOneAndCommitsOfBothKinds() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))");          // other, auto-commit
            s.executeUpdate("INSERT INTO t VALUES (1, 'a')");                          // insert, auto-commit
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 2; i <= 4; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "b");
                    insert.addBatch();
                }
                insert.executeBatch();                                                  // 3 inserts, one execution
            }
            s.executeUpdate("UPDATE t SET v = 'c' WHERE id = 1");
            s.executeQuery("SELECT count(*) FROM t").close();
            c.commit();
            s.executeUpdate("DELETE FROM t WHERE id = 4");
            c.rollback();
        }

        assertThat(count("onewindow.database.statements", "type", "insert")).isEqualTo(4);
        assertThat(count("onewindow.database.statements", "type", "update")).isEqualTo(1);
        assertThat(count("onewindow.database.statements", "type", "delete")).isEqualTo(1);
        assertThat(count("onewindow.database.statements", "type", "select")).isEqualTo(1);
        assertThat(count("onewindow.database.statements", "type", "other")).isEqualTo(1);
        assertThat(registry.get("onewindow.database.executions").counter().count()).isEqualTo(6);
        assertThat(count("onewindow.database.commits", "kind", "explicit")).isEqualTo(1);
        assertThat(count("onewindow.database.commits", "kind", "auto")).isEqualTo(2);
        assertThat(registry.get("onewindow.database.rollbacks").counter().count()).isEqualTo(1);
    }

    @Test
    void leavesAnAlreadyCountedDataSourceAlone() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("meterRegistry", registry);
        BeanPostProcessor wrapper = DatabaseCountersConfiguration.databaseCountingPostProcessor(beans.getBeanProvider(MeterRegistry.class));
        assertThat(wrapper.postProcessAfterInitialization(dataSource, "dataSource")).isSameAs(dataSource);
    }

    @Test
    void wrapsTheHubsDataSourceOnlyWhenTurnedOn() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                .withUserConfiguration(DatabaseCountersConfiguration.class)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean("dataSource", DataSource.class, () -> {
                    JdbcDataSource h2 = new JdbcDataSource();
                    h2.setURL("jdbc:h2:mem:switch-" + System.nanoTime());
                    return h2;
                });
        context.run(off -> assertThat(off.getBean(DataSource.class)).isInstanceOf(JdbcDataSource.class));
        context.withPropertyValues("onewindow.observability.database-counters.enabled=true")
                .run(on -> assertThat(on.getBean(DataSource.class)).isInstanceOf(ProxyDataSource.class));
    }

    private double count(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }
}
