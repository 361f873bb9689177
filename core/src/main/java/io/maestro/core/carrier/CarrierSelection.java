package io.maestro.core.carrier;

/**
 * DMN {@code carrier-selection}, the one place of the rule which carriers and services may carry a parcel. The
 * optimiser prices every parcel with the services its answer allows and the label step buys among them.
 */
public interface CarrierSelection {

    /** The decision's inputs: what the parcel holds, who it is for and what the order's policy granted. */
    record Facts(boolean hazmat, boolean oversize, String customerTier, boolean serviceUpgrade, int promiseDays) {
    }

    /** The answer for a parcel of order {@code orderId} (the version of the table that decides for that order). */
    CarrierConstraint decide(String orderId, Facts facts);

    /** The carrier terms of a parcel of order {@code orderId} to a customer's home holding these goods. */
    default ShippingTerms terms(String orderId, Facts facts) {
        return new ShippingTerms(facts.hazmat(), facts.oversize(), true, decide(orderId, facts));
    }
}
