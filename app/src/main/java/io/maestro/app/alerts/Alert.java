package io.maestro.app.alerts;

/**
 * A condition that holds now: {@code rule} (partner-down, node-sla-breaches, orders-stuck, dead-letters-growing) about
 * {@code subject} (a partner, a node, or "network"), with a sentence for the people who receive it.
 */
public record Alert(String rule, String subject, String message) {

    public String key() {
        return rule + ":" + subject;
    }
}
