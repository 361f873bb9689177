-- Commands sent to an order (cancel, change, hold, release, cancel lines): stored first in a short transaction of
-- their own, then applied to the order's process; what came of each (applied, refused and why) stays here.
create table order_command (
    command_id   varchar(100)  primary key,
    order_id     varchar(40)   not null references orders (id),
    type         varchar(20)   not null,
    payload      varchar(8000) not null,
    content_hash varchar(64)   not null,
    actor        varchar(100)  not null,
    status       varchar(20)   not null,
    reason       varchar(1000),
    attempts     integer       not null,
    received_at  timestamp with time zone not null,
    decided_at   timestamp with time zone
);
create index order_command_by_order on order_command (order_id, received_at);
create index order_command_by_status on order_command (status, received_at);

-- An order an operator put on hold: nothing more is allocated or released to nodes while the row exists.
create table order_hold (
    order_id   varchar(40)   primary key references orders (id),
    reason     varchar(1000) not null,
    held_by    varchar(100)  not null,
    command_id varchar(100)  not null,
    held_at    timestamp with time zone not null
);

-- Units of order lines cancelled by a line-cancel command (the line's ordered quantity stays as the channel sent it).
create table order_line_cancellation (
    command_id   varchar(100) not null references order_command (command_id),
    order_id     varchar(40)  not null,
    line_no      integer      not null,
    quantity     integer      not null check (quantity > 0),
    cancelled_at timestamp with time zone not null,
    primary key (command_id, line_no)
);
create index order_line_cancellation_by_order on order_line_cancellation (order_id);
