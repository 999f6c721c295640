-- The signed message log (签名防篡改的报文日志): every exchange the hub makes or receives, append-only.
-- Written by one writer (org.onewindow.hub.messagelog.MessageLogWriter) and never updated; anything
-- changed, removed or reordered later is found by `hub/message-log verify`. Runs unchanged on H2
-- (MODE=PostgreSQL) and PostgreSQL.

-- One exchange: a request and its answer (or the failure to get one). record_hash chains the rows:
-- SHA-256 of the previous row's hash and this row's canonical content, its seq included
-- (MessageLogRecord.canonical). Bodies are kept only for parties onewindow.message-log.keep-bodies names;
-- their SHA-256 always.
CREATE TABLE message_log (
    seq              BIGINT       PRIMARY KEY,
    logged_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms      BIGINT       NOT NULL,
    channel          VARCHAR(20)  NOT NULL,
    from_party       VARCHAR(100) NOT NULL,
    to_party         VARCHAR(100) NOT NULL,
    department       VARCHAR(64),
    operation        VARCHAR(200) NOT NULL,
    case_id          VARCHAR(40),
    task_id          VARCHAR(200),
    status           VARCHAR(200) NOT NULL,
    request_sha256   CHAR(64),
    request_bytes    BIGINT,
    request_body     BYTEA,
    response_sha256  CHAR(64),
    response_bytes   BIGINT,
    response_body    BYTEA,
    record_hash      CHAR(64)     NOT NULL
);
-- export of a period, and an auditor's question "what was exchanged for this case"
CREATE INDEX message_log_logged_at ON message_log (logged_at);
CREATE INDEX message_log_case ON message_log (case_id);

-- A seal (封存) of the records first_seq..last_seq: their hashes (32 bytes each, in order), signed with
-- the hub's SM2 key (SM3withSM2) and time-stamped (RFC 3161) over the signature. Each seal names the hash
-- of the one before, so seals chain too.
CREATE TABLE message_log_seals (
    seal_no             BIGINT       PRIMARY KEY,
    first_seq           BIGINT       NOT NULL,
    last_seq            BIGINT       NOT NULL,
    sealed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    previous_seal_hash  CHAR(64)     NOT NULL,
    record_hashes       BYTEA        NOT NULL,
    seal_hash           CHAR(64)     NOT NULL,
    signer              CHAR(64)     NOT NULL,
    signature           BYTEA        NOT NULL,
    time_stamp_token    BYTEA        NOT NULL,
    time_stamped_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX message_log_seals_last_seq ON message_log_seals (last_seq);

-- The certificates of the keys that signed seals (role SIGNER) and of the time-stamping authorities
-- (role TSA), by the SHA-256 of their DER: what an export takes along so it verifies elsewhere. The verify
-- command can be told to trust only certificates given to it instead.
CREATE TABLE message_log_certificates (
    fingerprint   CHAR(64)     PRIMARY KEY,
    role          VARCHAR(10)  NOT NULL,
    certificate   BYTEA        NOT NULL,
    added_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
