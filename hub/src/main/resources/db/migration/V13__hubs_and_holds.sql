-- Several hubs on one database (issue 15). Each hub instance (onewindow.instance.id) keeps a heartbeat here; a hub whose
-- heartbeat is older than onewindow.cluster.lease is gone, and what it held may be taken over by another
-- (cluster/HubInstances). run_id is the hub's current start: a second process starting with the same instance id
-- takes the row over, and the first one notices at its next heartbeat.
CREATE TABLE hub_instances (
    instance_id     VARCHAR(64)  PRIMARY KEY,
    run_id          VARCHAR(36)  NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at      TIMESTAMP WITH TIME ZONE
);

-- the hub run (hub_instances.run_id) that is sending a task to its department now (status SENT); another takes the task
-- over once that run is gone: its hub killed and silent for the lease, stopped, or restarted (a new run). redispatches: how often the task's message was found lost and sent again (tasks/TaskRedispatch)
ALTER TABLE case_tasks ADD COLUMN held_by VARCHAR(64);
ALTER TABLE case_tasks ADD COLUMN redispatches INT DEFAULT 0 NOT NULL;

-- the hub instance whose relay owns an outbox row: its writer at first, until claimed_until; after that any hub's sweep
ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(64);
-- is a task's message still waiting to be relayed? (the re-dispatch asks before sending it again)
CREATE INDEX outbox_message_key ON outbox (message_key);
