-- Callers prove who they are (issue 11).

-- The system that submitted a case (the OAuth2 client id of a hall's intake system): it, and no other intake
-- system, reads the case, its release and its notice. Cases from before have none: only operators read them.
ALTER TABLE cases ADD COLUMN submitted_by VARCHAR(100);
-- a holder lists their own cases (GET /api/v1/my-cases)
CREATE INDEX cases_applicant ON cases (applicant_id, created_at);

-- The system that asked for a one-time notice.
ALTER TABLE notices ADD COLUMN requested_by VARCHAR(100);

-- Idempotency-Keys are scoped per caller: two halls may use the same key, and neither learns of the other's case.
-- (A new table rather than a changed primary key: H2 and PostgreSQL name primary keys differently.)
CREATE TABLE intake_keys (
    caller          VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    case_id         VARCHAR(40)  NOT NULL REFERENCES cases (case_id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
INSERT INTO intake_keys (caller, idempotency_key, request_hash, case_id, created_at)
    SELECT '', idempotency_key, request_hash, case_id, created_at FROM intake_requests;
DROP TABLE intake_requests;
ALTER TABLE intake_keys RENAME TO intake_requests;

-- Whose data a notice concerns (the applicant's and every material holder's full ID number or credit code,
-- comma-separated): the system that asked for it may verify their e-licences for it, nobody else's.
ALTER TABLE notices ADD COLUMN parties VARCHAR(1000);
