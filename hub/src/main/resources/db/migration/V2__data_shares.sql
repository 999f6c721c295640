-- Every delivery of shared data (数据共享): which agreement allowed it, from whom to whom, whose data,
-- for which case, and whether the consumer has it. A share exists only under an agreement.
CREATE TABLE data_shares (
    share_id        VARCHAR(200) PRIMARY KEY,
    agreement       VARCHAR(64)  NOT NULL,
    producer        VARCHAR(64)  NOT NULL,
    consumer        VARCHAR(64)  NOT NULL,
    data_item       VARCHAR(64)  NOT NULL,
    purpose         VARCHAR(500) NOT NULL,
    case_id         VARCHAR(40)  NOT NULL REFERENCES cases (case_id),
    task_id         VARCHAR(60)  NOT NULL,
    holder_id       VARCHAR(18)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    status_reason   VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX data_shares_case ON data_shares (case_id);
CREATE INDEX data_shares_holder ON data_shares (holder_id, created_at);
