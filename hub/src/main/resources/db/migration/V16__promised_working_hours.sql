-- Promised time limits (承诺时限) in working hours (工作小时): a task whose item promises hours keeps them here, and
-- promised_working_days stays empty; a task whose item promises working days keeps them in promised_working_days, as
-- before. The task's deadline (deadline_at) is computed from either when the case is accepted.
ALTER TABLE case_tasks ADD COLUMN promised_working_hours INT;
