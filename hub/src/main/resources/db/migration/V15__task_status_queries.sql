-- Status queries (issue 15): the hub asks a department that decides by callback where a task stands when its callback
-- is late or was lost (callbacks/CallbackStatusQueries, StatusQueryStore). One row per task asked: when it was last
-- asked, what the department answered, and how often it was asked. A task still awaiting its callback is asked again
-- only onewindow.tasks.status-query-after after its last query; its row stays as the record of the queries.
CREATE TABLE task_status_queries (
    task_id         VARCHAR(60)  PRIMARY KEY REFERENCES case_tasks (task_id),
    department      VARCHAR(64)  NOT NULL,
    asked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- DECIDED, STILL_WORKING, UNKNOWN_TASK, CONTRACT_FAULT (the answer broke the department's contract)
    answer          VARCHAR(20)  NOT NULL,
    queries         INT          NOT NULL
);
