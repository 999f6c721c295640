-- The message log as one chain per hub (issue 15: several hubs on one database). Each hub writes, numbers and
-- seals only its own chain, named by its instance id (onewindow.instance.id, org.onewindow.hub.cluster.HubInstance),
-- as each X-Road security server keeps its own log. Positions (seq) and seal numbers count within a chain: the keys
-- are (chain, seq) and (chain, seal_no). A chain's first record and first seal follow its own genesis hash, the
-- SHA-256 of its name (Hashes.genesis), so a chain cannot be renamed or grafted onto another unseen.
--
-- The records and seals written before this migration, by the one hub there was, form the chain 'single-hub'. It
-- begins at the old genesis (64 zeros), so it verifies exactly as before; no hub writes to it any more (a hub whose
-- own chain is empty starts its chain at its genesis, never at the old tail).
--
-- Neither database drops a primary key with the same statement (PostgreSQL: DROP CONSTRAINT message_log_pkey, H2:
-- DROP PRIMARY KEY), so both tables are rebuilt: renamed, created anew, copied, dropped. That copies the log once,
-- at the upgrade; stop every hub before it (an old hub's insert names no chain). Privileges granted on the two
-- tables by hand (a read-only auditor role, say) go with the old tables: grant them again. Runs on H2
-- (MODE=PostgreSQL) and PostgreSQL alike.

ALTER TABLE message_log RENAME TO message_log_before_chains;
CREATE TABLE message_log (
    chain            VARCHAR(64)  NOT NULL,
    seq              BIGINT       NOT NULL,
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
    record_hash      CHAR(64)     NOT NULL,
    CONSTRAINT message_log_chain_seq PRIMARY KEY (chain, seq)
);
INSERT INTO message_log (chain, seq, logged_at, duration_ms, channel, from_party, to_party, department, operation, case_id,
                         task_id, status, request_sha256, request_bytes, request_body, response_sha256, response_bytes,
                         response_body, record_hash)
SELECT 'single-hub', seq, logged_at, duration_ms, channel, from_party, to_party, department, operation, case_id,
       task_id, status, request_sha256, request_bytes, request_body, response_sha256, response_bytes,
       response_body, record_hash
FROM message_log_before_chains;
DROP TABLE message_log_before_chains;
-- export of a period (every chain's records in it), and an auditor's question "what was exchanged for this case",
-- which spans every chain: a case's exchanges are logged by whichever hub made them
CREATE INDEX message_log_logged_at ON message_log (logged_at);
CREATE INDEX message_log_case ON message_log (case_id);

ALTER TABLE message_log_seals RENAME TO message_log_seals_before_chains;
CREATE TABLE message_log_seals (
    chain               VARCHAR(64)  NOT NULL,
    seal_no             BIGINT       NOT NULL,
    first_seq           BIGINT       NOT NULL,
    last_seq            BIGINT       NOT NULL,
    sealed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    previous_seal_hash  CHAR(64)     NOT NULL,
    record_hashes       BYTEA        NOT NULL,
    seal_hash           CHAR(64)     NOT NULL,
    signer              CHAR(64)     NOT NULL,
    signature           BYTEA        NOT NULL,
    time_stamp_token    BYTEA        NOT NULL,
    time_stamped_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT message_log_seals_chain_seal_no PRIMARY KEY (chain, seal_no)
);
INSERT INTO message_log_seals (chain, seal_no, first_seq, last_seq, sealed_at, previous_seal_hash, record_hashes, seal_hash,
                               signer, signature, time_stamp_token, time_stamped_at)
SELECT 'single-hub', seal_no, first_seq, last_seq, sealed_at, previous_seal_hash, record_hashes, seal_hash,
       signer, signature, time_stamp_token, time_stamped_at
FROM message_log_seals_before_chains;
DROP TABLE message_log_seals_before_chains;
-- the seal that covers a record of a chain (export, verification)
CREATE UNIQUE INDEX message_log_seals_last_seq ON message_log_seals (chain, last_seq);

-- message_log_certificates stays shared: a certificate is kept once, by its fingerprint, whichever hub's seals it signs.
