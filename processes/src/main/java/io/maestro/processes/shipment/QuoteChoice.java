package io.maestro.processes.shipment;

import io.maestro.core.partner.RateQuote;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which quote to buy: the carrier service allocation priced the plan with ({@link #planned}); failing that, among the quotes DMN {@code carrier-selection} allows (its carrier, or any for ANY; its
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

    /**
     * The quote of the carrier service the plan was priced with, when the carrier decision allows it and it is not
     * dearer than the estimate; otherwise empty, with why in {@code why}.
     */
    static Optional<Choice> planned(List<RateQuote> quotes, String carrier, String minimumService, int promiseDays,
                                    String plannedCarrier, String plannedService, BigDecimal estimate, List<String> why) {
        Optional<RateQuote> planned = quotes.stream()
                .filter(q -> q.carrier().equals(plannedCarrier) && q.service().equals(plannedService)).findFirst();
        String name = plannedCarrier + " " + plannedService;
        if (planned.isEmpty()) {
            why.add(name + " did not quote");
        } else if (!(carrier == null || ANY.equals(carrier) || carrier.equals(plannedCarrier))
                || rank(plannedService) < rank(minimumService)) {
            why.add("the carrier decision asks for " + carrier + " " + minimumService + " or faster, not " + name);
        } else if (planned.get().price().compareTo(estimate) > 0) {
            why.add(name + " now quotes " + planned.get().price() + ", dearer than the " + estimate + " estimated");
        } else {
            return Optional.of(new Choice(planned.get(), planned.get().transitDays() <= promiseDays));
        }
        return Optional.empty();
    }

    private static int rank(String service) {
        int rank = SERVICES_SLOWEST_FIRST.indexOf(service);
        return rank < 0 ? 0 : rank;
    }

    record Choice(RateQuote quote, boolean keepsPromise) {
    }
}
