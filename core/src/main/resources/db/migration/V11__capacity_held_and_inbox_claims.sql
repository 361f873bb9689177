-- A node's daily capacity is held like stock: one counter per node and day, taken with a conditional update in
-- the transaction that reserves, given back when a reservation of that day is released.
create table node_capacity_day (
    node_id    varchar(40) not null references node (id),
    on_day     date        not null,
    units      bigint      not null check (units >= 0),
    primary key (node_id, on_day)
);

-- The day whose capacity a reservation holds (null: it holds none, e.g. a transfer received for pickup).
alter table reservation add column capacity_day date;
update reservation set capacity_day = cast(created_at as date) where status <> 'RELEASED';
insert into node_capacity_day (node_id, on_day, units)
    select node_id, capacity_day, sum(quantity) from reservation where capacity_day is not null group by node_id, capacity_day;

-- With several application nodes each pending partner event is claimed by one of them at a time; a claim
-- whose lease ran out (its node died) is taken over.
alter table partner_event add column claimed_by varchar(100);
alter table partner_event add column claimed_until timestamp with time zone;
