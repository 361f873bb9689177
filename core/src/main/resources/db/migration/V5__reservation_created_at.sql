-- Today's reserved units per node (a node's remaining daily capacity) are read on every allocation:
-- without this index that read went through every reservation ever made.
create index reservation_by_created_at on reservation (created_at);
