-- What was sent under an idempotency key, as a SHA-256 of its canonical content (core's ContentHash), so that the
-- key sent again with other content is refused with 409 instead of answered as a repeat. Rows written before V7
-- have none: a repeat of their key answers as it did before (see the README's "Idempotency keys").
alter table orders add column content_hash varchar(64);
alter table processed_event add column content_hash varchar(64);
alter table customer_return add column content_hash varchar(64);
