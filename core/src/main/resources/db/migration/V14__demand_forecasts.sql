-- The last demand forecast of each SKU per node ('*': network-wide) and bucket (DAY, WEEK), refreshed on a schedule
-- and on demand (workers/README.md, Demand forecasting). mean_per_bucket: the mean forecast of each bucket from
-- first_bucket on, ';'-separated; parameters: the method's constants as name=value, ';'-separated.
create table demand_forecast (
    sku              varchar(64)      not null,
    node_id          varchar(40)      not null,
    bucket           varchar(5)       not null,
    method           varchar(30)      not null,
    parameters       varchar(500)     not null,
    backtest_error   double precision,
    history_buckets  integer          not null,
    censored_buckets integer          not null,
    dispersion       double precision not null,
    first_bucket     date             not null,
    mean_per_bucket  varchar(4000)    not null,
    computed_at      timestamp with time zone not null,
    primary key (sku, node_id, bucket)
);
