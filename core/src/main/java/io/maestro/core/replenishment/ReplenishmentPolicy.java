package io.maestro.core.replenishment;

/**
 * How a SKU is replenished at a node, as DMN {@code replenishment-policy} decided: review period and lead time in
 * days, the service level the order-up-to level is set for (the quantile of demand over lead time + review period),
 * minimum order quantity, pack size, and up to how many units a proposal is approved without an analyst.
 */
public record ReplenishmentPolicy(boolean replenish, int reviewDays, int leadTimeDays, double serviceLevel,
                                  int minOrderQuantity, int packSize, int autoApproveUnits, String reason) {

    /** Days of demand the order-up-to level covers: until the order after the next one arrives. */
    public int coverDays() {
        return reviewDays + leadTimeDays;
    }
}
