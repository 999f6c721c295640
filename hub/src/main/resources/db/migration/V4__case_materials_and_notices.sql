-- Material resolution (免证办): how each material each item of a case requires was obtained, or why not.
-- The exemption statistics are counted from here.
CREATE TABLE case_materials (
    case_id         VARCHAR(40)  NOT NULL REFERENCES cases (case_id),
    position        INT          NOT NULL,
    step_id         VARCHAR(64),
    item_code       VARCHAR(64)  NOT NULL,
    material_code   VARCHAR(64)  NOT NULL,
    source          VARCHAR(20)  NOT NULL,
    holder_id       VARCHAR(18),
    status          VARCHAR(20)  NOT NULL,
    evidence        VARCHAR(500),
    reference       VARCHAR(200),
    verified_at     TIMESTAMP WITH TIME ZONE,
    deferred_until  DATE,
    reason          VARCHAR(500),
    document_ref    VARCHAR(200),
    PRIMARY KEY (case_id, position)
);
CREATE INDEX case_materials_item ON case_materials (item_code, status);

-- One-time notices (一次性告知单) given, kept so that the printable page can be fetched again.
CREATE TABLE notices (
    notice_id       VARCHAR(40)  PRIMARY KEY,
    service_code    VARCHAR(64)  NOT NULL,
    notice_json     TEXT         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
