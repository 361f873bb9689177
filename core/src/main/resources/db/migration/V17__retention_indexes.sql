-- The nightly retention purge finds old rows by these columns, a batch at a time.
create index processed_event_by_age on processed_event (processed_at);
create index partner_event_by_age on partner_event (status, received_at);
create index notification_by_age on notification (status, sent_at);
