-- GET /api/exceptions finds orders that stopped moving: a status that is not final and no change for a while.
create index orders_by_status_updated on orders (status, updated_at);

-- When a command was queued (answered 202 before it was applied because the order's process stayed busy): a queued
-- command that is refused in the end is listed by GET /api/exceptions, as its sender was told 202.
alter table order_command add column queued_at timestamp with time zone;
