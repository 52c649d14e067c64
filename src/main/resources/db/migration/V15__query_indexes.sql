-- Indexes for every query the queues, lists and dashboards run (QueryPlanTests checks each with EXPLAIN on
-- PostgreSQL). Portable between H2 and PostgreSQL.

-- A leader's and an organisation's applications, newest first.
create index application_leader_updated_idx on application (leader_id, updated_at, id);
create index application_organization_updated_idx on application (organization_id, updated_at, id);
-- The leader's project limit counts the leader's applications by state.
create index application_leader_status_idx on application (leader_id, status);
-- Queues, oldest submission first: the organisation's sign-off, the department's recommendation, the office's review.
create index application_organization_queue_idx on application (organization_id, status, submitted_at);
drop index application_department_idx;
create index application_department_queue_idx on application (recommending_department, status, submitted_at);
create index application_call_queue_idx on application (call_code, status, submitted_at);
-- The office's table in receipt order.
create index application_call_receipt_idx on application (call_code, receipt_number);

-- The inbox, newest first.
create index notice_user_id_idx on notice (user_id, id);

-- The audit admin's search by actor and by action, newest first.
create index audit_event_actor_idx on audit_event (actor, id);
create index audit_event_action_idx on audit_event (action, id);
