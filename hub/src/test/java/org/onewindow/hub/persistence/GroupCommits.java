package org.onewindow.hub.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;

/** Group commits for tests that build the hub's stores by hand. */
public final class GroupCommits {

    private GroupCommits() {
    }

    /** Not started: each unit runs in a transaction of its own, as before start-up; no thread to stop. */
    public static GroupCommit unstarted(DataSource dataSource) {
        return of(dataSource, new SimpleMeterRegistry(), 200);
    }

    public static GroupCommit of(DataSource dataSource, MeterRegistry meters, int maxUnits) {
        return of(dataSource, meters, maxUnits, 0);
    }

    /** With a commit delay: a commit waits up to commitDelayUs for more units when more are due within it. */
    public static GroupCommit of(DataSource dataSource, MeterRegistry meters, int maxUnits, long commitDelayUs) {
        return new GroupCommit(new DataSourceTransactionManager(dataSource), dataSource,
                new PersistenceProperties(new PersistenceProperties.GroupCommitSettings(maxUnits, 10_000, commitDelayUs),
                        new PersistenceProperties.H2Settings(5_000, 80, 4 * 1024 * 1024)), meters);
    }
}
