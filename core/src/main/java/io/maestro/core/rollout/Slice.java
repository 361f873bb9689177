package io.maestro.core.rollout;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The orders a candidate decision version decides while the rest keep the current one: those shipping to a region
 * (state code), from a channel, with a line of a SKU category, and/or a share of orders picked by order id (sticky:
 * the same order is always in or out of the same rollout). Every criterion given must hold; at least one is given.
 */
public record Slice(String region, String channel, String category, Integer sharePercent) {

    public Slice {
        region = blankToNull(region, true);
        channel = blankToNull(channel, true);
        category = blankToNull(category, false);
        List<Violation> problems = new ArrayList<>();
        if (sharePercent != null && (sharePercent < 1 || sharePercent > 100)) {
            problems.add(new Violation("sharePercent", "must be between 1 and 100, not " + sharePercent));
        }
        if (region == null && channel == null && category == null && sharePercent == null) {
            problems.add(new Violation("slice", "needs at least one of region, channel, category or sharePercent"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /** Whether the order is in the slice; {@code rolloutId} keeps a share's orders apart from another rollout's. */
    public boolean contains(String rolloutId, String orderId, String orderRegion, String orderChannel,
                            Set<String> orderCategories) {
        return (region == null || region.equalsIgnoreCase(orderRegion))
                && (channel == null || channel.equalsIgnoreCase(orderChannel))
                && (category == null || orderCategories.stream().anyMatch(category::equalsIgnoreCase))
                && (sharePercent == null || bucket(rolloutId, orderId) < sharePercent);
    }

    /** The order's place 0–99 in the rollout's share: the same order always gets the same place. */
    static int bucket(String rolloutId, String orderId) {
        CRC32 crc = new CRC32();
        crc.update((rolloutId + ":" + orderId).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 100);
    }

    /** In words, for the timeline and the API: "channel MARKETPLACE, 10 % of orders". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (region != null) {
            parts.add("shipping to " + region);
        }
        if (channel != null) {
            parts.add("channel " + channel);
        }
        if (category != null) {
            parts.add("with a " + category + " line");
        }
        if (sharePercent != null) {
            parts.add(sharePercent + " % of orders");
        }
        return String.join(", ", parts);
    }

    private static String blankToNull(String value, boolean upperCase) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return upperCase ? value.trim().toUpperCase(Locale.ROOT) : value.trim();
    }
}
