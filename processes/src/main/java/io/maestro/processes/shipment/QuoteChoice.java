package io.maestro.processes.shipment;

import io.maestro.core.partner.RateQuote;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which quote to buy: among the quotes DMN {@code carrier-selection} allows (its carrier, or any for ANY; its
 * service or a faster one), the cheapest that arrives within the promise; when none can, the fastest allowed one.
 */
final class QuoteChoice {

    static final String ANY = "ANY";
    private static final List<String> SERVICES_SLOWEST_FIRST = List.of("GROUND", "TWO_DAY", "OVERNIGHT");

    private QuoteChoice() {
    }

    /** The choice and whether it keeps the promise; empty when no quote is allowed at all. */
    static Optional<Choice> choose(List<RateQuote> quotes, String carrier, String minimumService, int promiseDays) {
        List<RateQuote> allowed = quotes.stream()
                .filter(q -> carrier == null || ANY.equals(carrier) || carrier.equals(q.carrier()))
                .filter(q -> rank(q.service()) >= rank(minimumService))
                .toList();
        Optional<RateQuote> inTime = allowed.stream().filter(q -> q.transitDays() <= promiseDays)
                .min(Comparator.comparing(RateQuote::price).thenComparing(RateQuote::transitDays));
        if (inTime.isPresent()) {
            return Optional.of(new Choice(inTime.get(), true));
        }
        return allowed.stream().min(Comparator.comparingInt(RateQuote::transitDays).thenComparing(RateQuote::price))
                .map(q -> new Choice(q, false));
    }

    private static int rank(String service) {
        int rank = SERVICES_SLOWEST_FIRST.indexOf(service);
        return rank < 0 ? 0 : rank;
    }

    record Choice(RateQuote quote, boolean keepsPromise) {
    }
}
