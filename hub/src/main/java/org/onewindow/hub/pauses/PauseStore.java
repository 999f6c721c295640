package org.onewindow.hub.pauses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The paused departments (table department_pauses, Flyway V12): a row while a department is paused. */
@Repository
class PauseStore {

    private final JdbcClient jdbc;

    PauseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the pause unless the department is paused already; whether it did. */
    boolean insert(DepartmentPause pause) {
        return jdbc.sql("""
                        INSERT INTO department_pauses (department, paused_by, paused_at, reason)
                        SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM department_pauses WHERE department = ?)""")
                .params(pause.department(), pause.pausedBy(), pause.pausedAt().atOffset(ZoneOffset.UTC), pause.reason(), pause.department())
                .update() == 1;
    }

    /** Ends the department's pause; whether it was paused. */
    boolean delete(String department) {
        return jdbc.sql("DELETE FROM department_pauses WHERE department = ?").param(department).update() == 1;
    }

    Optional<DepartmentPause> find(String department) {
        return jdbc.sql("SELECT * FROM department_pauses WHERE department = ?").param(department).query(this::row).optional();
    }

    Map<String, DepartmentPause> all() {
        Map<String, DepartmentPause> all = new TreeMap<>();
        jdbc.sql("SELECT * FROM department_pauses").query(this::row).list().forEach(pause -> all.put(pause.department(), pause));
        return all;
    }

    private DepartmentPause row(ResultSet rs, int n) throws SQLException {
        return new DepartmentPause(rs.getString("department"), rs.getString("paused_by"),
                rs.getObject("paused_at", OffsetDateTime.class).toInstant(), rs.getString("reason"));
    }
}
