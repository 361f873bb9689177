package io.maestro.app.simulation;

/** The generated days a replay can rehearse. */
public enum Scenario {
    /** An ordinary day: orders arrive along the everyday hourly curve. */
    NORMAL_DAY,
    /** 5–10× the volume (7× unless told), most of it in the evening and the small hours of the sale. */
    BLACK_FRIDAY,
    /** A share of the day's orders (half unless told) ship to one state. */
    REGIONAL_SURGE,
    /** An ordinary day with one node down in every variant. */
    NODE_OUTAGE,
    /** An ordinary day with the most-ordered SKUs out of stock everywhere. */
    TOP_SKU_STOCKOUT;

    static Scenario named(String name) {
        for (Scenario s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
