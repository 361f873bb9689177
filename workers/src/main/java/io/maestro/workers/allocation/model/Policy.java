package io.maestro.workers.allocation.model;

/**
 * The fulfilment policy for one order, as decided by DMN {@code fulfillment-policy}.
 * Weights scale the cost rules: cost weight the money terms, speed weight lateness, carbon weight emissions.
 *
 * @param carbonPricePerKg       money per kg CO2e
 * @param splitPenalty           money per shipment beyond the first
 * @param latenessPenaltyPerDay  money per day a shipment arrives after the promise
 * @param unfilledPenaltyPerUnit money per ordered unit the plan leaves unfilled (backorder / lost sale)
 */
public record Policy(double costWeight, double speedWeight, double carbonWeight,
                     int maxShipments, boolean splitAllowed, boolean shipFromStoreAllowed,
                     double carbonPricePerKg, double splitPenalty, double latenessPenaltyPerDay,
                     double unfilledPenaltyPerUnit) {

    public Policy {
        if (costWeight < 0 || speedWeight < 0 || carbonWeight < 0 || carbonPricePerKg < 0 || splitPenalty < 0
                || latenessPenaltyPerDay < 0 || unfilledPenaltyPerUnit < 0) {
            throw new IllegalArgumentException("weights and penalties must not be negative");
        }
        if (maxShipments < 1) {
            throw new IllegalArgumentException("max shipments must be at least 1: " + maxShipments);
        }
    }

    /**
     * A balanced policy: weights 1, up to 3 shipments, stores allowed, $0.10/kg CO2e, $2 per extra parcel,
     * $5 per late day, and $100 per unfilled unit — dearer than any parcel on the standard rate card, so a
     * unit that can ship, ships.
     */
    public static Policy balanced() {
        return new Policy(1, 1, 1, 3, true, true, 0.10, 2.00, 5.00, 100.00);
    }

    public Policy withShipFromStoreAllowed(boolean value) {
        return new Policy(costWeight, speedWeight, carbonWeight, maxShipments, splitAllowed, value,
                carbonPricePerKg, splitPenalty, latenessPenaltyPerDay, unfilledPenaltyPerUnit);
    }

    public Policy withSplit(boolean allowed, int max) {
        return new Policy(costWeight, speedWeight, carbonWeight, max, allowed, shipFromStoreAllowed,
                carbonPricePerKg, splitPenalty, latenessPenaltyPerDay, unfilledPenaltyPerUnit);
    }
}
