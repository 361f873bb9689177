-- Soft launches of decision table versions (processes' io.maestro.processes.rollout): the candidate version decides
-- the orders of a slice, the base version the rest, until the rollout is promoted or rolled back.
-- active_key holds the decision key while the rollout is ACTIVE (null after): one active rollout per table.
create table decision_rollout (
    id                varchar(40)  primary key,
    decision_key      varchar(100) not null,
    active_key        varchar(100) unique,
    base_version      integer      not null,
    candidate_version integer      not null,
    slice_region      varchar(10),
    slice_channel     varchar(40),
    slice_category    varchar(80),
    slice_share       integer,
    status            varchar(12)  not null,
    started_at        timestamp with time zone not null,
    started_by        varchar(100) not null,
    ended_at          timestamp with time zone,
    ended_by          varchar(100)
);
create index decision_rollout_by_key on decision_rollout (decision_key, started_at);
