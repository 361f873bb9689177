-- What allocation estimated a shipment's carrier service would cost and emit (from the carrier model), and what
-- the label bought actually cost and emits: the drift between them is what operators watch.
alter table shipment add column estimated_carrier varchar(40);
alter table shipment add column estimated_service varchar(40);
alter table shipment add column estimated_cost numeric(12,2);
alter table shipment add column estimated_co2_kg numeric(10,3);
alter table shipment add column label_cost numeric(12,2);
alter table shipment add column label_co2_kg numeric(10,3);
