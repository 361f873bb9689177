-- Operations alerts (app's io.maestro.app.alerts): one row per condition (rule and subject, e.g. partner-down:swift).
-- An alert is sent when its condition starts (FIRING) and when it ends (RESOLVED), never again while it holds.
create table alert_state (
    alert_key   varchar(200)  primary key,
    rule        varchar(40)   not null,
    subject     varchar(120)  not null,
    status      varchar(10)   not null,
    message     varchar(1000) not null,
    fired_at    timestamp with time zone not null,
    resolved_at timestamp with time zone,
    updated_at  timestamp with time zone not null
);
create index alert_state_by_status on alert_state (status);
