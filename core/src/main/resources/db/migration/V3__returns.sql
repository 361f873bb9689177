-- Customer returns: an order's lines brought back at any node, inspected line by line, refunded.
create table customer_return (
    id            varchar(60)   primary key,
    order_id      varchar(40)   not null references orders (id),
    node_id       varchar(40)   not null references node (id),
    status        varchar(20)   not null,
    refund_amount numeric(14,2),
    created_by    varchar(100)  not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
create index customer_return_by_order on customer_return (order_id);

create sequence return_number_seq start with 1;

-- One returned order line: what came back and why, what the inspection found and what became of it.
create table return_line (
    return_id          varchar(60)   not null references customer_return (id),
    line_no            integer       not null,
    order_line_no      integer       not null,
    sku                varchar(64)   not null,
    quantity           integer       not null check (quantity > 0),
    reason             varchar(300),
    item_condition     varchar(20),
    inspection_notes   varchar(1000),
    disposition        varchar(20),
    disposition_reason varchar(300),
    primary key (return_id, line_no)
);
