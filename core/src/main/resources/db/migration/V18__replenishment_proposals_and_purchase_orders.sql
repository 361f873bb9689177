-- Replenishment (processes' replenishment.bpmn, core's io.maestro.core.replenishment): one proposal per SKU at a
-- node and review run, with what it was computed from; an approved one becomes a purchase order to the ERP, which
-- is on-order supply until the ERP confirms its receipt (then the units are in the ledger).
create table replenishment_proposal (
    proposal_id        varchar(80)      primary key,
    run_id             varchar(60)      not null,
    node_id            varchar(40)      not null,
    sku                varchar(64)      not null,
    on_hand            bigint           not null,
    reserved           bigint           not null,
    on_order           bigint           not null,
    forecast_mean      double precision not null,
    forecast_method    varchar(30)      not null,
    abc_class          varchar(1)       not null,
    review_days        integer          not null,
    lead_time_days     integer          not null,
    service_level      double precision not null,
    min_order_quantity integer          not null,
    pack_size          integer          not null,
    auto_approve_units integer          not null,
    order_up_to        bigint           not null,
    proposed_quantity  bigint           not null,
    approved_quantity  bigint,
    reason             varchar(1000)    not null,
    policy_reason      varchar(500)     not null,
    status             varchar(20)      not null,
    decided_by         varchar(100),
    decision_note      varchar(500),
    created_at         timestamp with time zone not null,
    decided_at         timestamp with time zone
);
create index replenishment_proposal_by_node on replenishment_proposal (node_id, sku, created_at);

create table purchase_order (
    request_id      varchar(90)  primary key,
    proposal_id     varchar(80)  not null unique,
    node_id         varchar(40)  not null,
    sku             varchar(64)  not null,
    quantity        bigint       not null,
    status          varchar(20)  not null,
    receipt_event_id varchar(120),
    created_at      timestamp with time zone not null,
    acknowledged_at timestamp with time zone,
    received_at     timestamp with time zone
);
create index purchase_order_by_position on purchase_order (node_id, sku, status);

-- One row per review of a node (scheduled or on demand); its proposals carry its id.
create sequence replenishment_run_seq start with 1;
create table replenishment_run (
    run_id       varchar(40)  primary key,
    node_id      varchar(40)  not null,
    trigger_kind varchar(20)  not null,
    started_by   varchar(100) not null,
    started_at   timestamp with time zone not null
);
create index replenishment_run_by_node on replenishment_run (node_id, started_at);
