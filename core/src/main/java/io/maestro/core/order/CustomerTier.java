package io.maestro.core.order;

/** Customer standing; VIPs may get service upgrades. */
public enum CustomerTier {
    STANDARD, PREMIUM, VIP
}
