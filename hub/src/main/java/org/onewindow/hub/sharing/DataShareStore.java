package org.onewindow.hub.sharing;

import org.onewindow.schemas.sharing.SharedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Rows of data_shares: the record of every delivery of shared data. */
@Repository
public class DataShareStore {

    private final JdbcClient jdbc;

    DataShareStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One delivery as the store holds it. */
    public record DataShare(String shareId, String agreement, String producer, String consumer, String dataItem,
                            String caseId, DataShareStatus status, String statusReason) {
    }

    void insert(SharedData share, String taskId, DataShareStatus status, String reason, Instant now) {
        jdbc.sql("""
                        INSERT INTO data_shares (share_id, agreement, producer, consumer, data_item, purpose, case_id, task_id,
                                                 holder_id, status, status_reason, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(share.shareId(), share.agreement(), share.producer(), share.consumer(), share.dataItem(), share.purpose(),
                        share.caseId(), taskId, share.holderId(), status.name(), reason, now.atOffset(ZoneOffset.UTC))
                .update();
    }

    boolean moveOn(String shareId, DataShareStatus to, String reason, Instant now) {
        return jdbc.sql("UPDATE data_shares SET status = ?, status_reason = ?, delivered_at = ? WHERE share_id = ? AND status = 'QUEUED'")
                .params(to.name(), reason, to == DataShareStatus.DELIVERED ? now.atOffset(ZoneOffset.UTC) : null, shareId)
                .update() == 1;
    }

    Optional<DataShare> find(String shareId) {
        return jdbc.sql("SELECT * FROM data_shares WHERE share_id = ?").param(shareId).query(this::row).optional();
    }

    public List<DataShare> ofCase(String caseId) {
        return jdbc.sql("SELECT * FROM data_shares WHERE case_id = ? ORDER BY share_id").param(caseId).query(this::row).list();
    }

    private DataShare row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new DataShare(rs.getString("share_id"), rs.getString("agreement"), rs.getString("producer"), rs.getString("consumer"),
                rs.getString("data_item"), rs.getString("case_id"), DataShareStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"));
    }
}
