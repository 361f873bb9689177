-- What-if replays (app's io.maestro.app.simulation): the request, progress while it runs (orders replayed of orders ×
-- variants, and a heartbeat from the node running it, named in owner), then the result as JSON, or why it failed. A
-- simulation whose heartbeat stopped, or whose owner started again, is marked INTERRUPTED.
create table simulation (
    simulation_id varchar(40)   primary key,
    name          varchar(120),
    status        varchar(12)   not null,
    requested_by  varchar(100)  not null,
    owner         varchar(200)  not null,
    request       text          not null,
    steps_total   integer       not null,
    steps_done    integer       not null,
    created_at    timestamp with time zone not null,
    started_at    timestamp with time zone,
    finished_at   timestamp with time zone,
    heartbeat_at  timestamp with time zone not null,
    error         varchar(2000),
    result        text
);
create index simulation_by_status on simulation (status);
