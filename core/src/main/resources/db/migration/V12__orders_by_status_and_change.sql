-- GET /api/exceptions finds orders that stopped moving: a status that is not final and no change for a while.
create index orders_by_status_updated on orders (status, updated_at);
