package io.maestro.processes.shipment;

import io.maestro.core.carrier.CarrierConstraint;
import io.maestro.core.carrier.CarrierModel;
import io.maestro.core.carrier.RateCard;
import io.maestro.core.carrier.ServiceLevel;
import io.maestro.core.partner.RateQuote;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which quote to buy: the carrier service allocation priced the plan with ({@link #planned}); failing that, among the
 * quotes DMN {@code carrier-selection} allows ({@link #allowedBy}), the cheapest that arrives within the promise; when
 * none can, the fastest allowed one.
 */
final class QuoteChoice {

    private QuoteChoice() {
    }

    /**
     * The quotes the decision's answer allows: its carriers, licensed when it asks for a licence (as the carriers'
     * cards in {@code carriers} say), its services.
     */
    static Predicate<RateQuote> allowedBy(CarrierConstraint allowed, CarrierModel carriers) {
        return q -> ServiceLevel.named(q.service()).map(level -> allowed.allows(q.carrier(),
                carriers.card(q.carrier()).map(RateCard::hazmatLicensed).orElse(false), level)).orElse(false);
    }

    /** The choice and whether it keeps the promise; empty when no quote is allowed at all. */
    static Optional<Choice> choose(List<RateQuote> quotes, Predicate<RateQuote> allowedBy, int promiseDays) {
        List<RateQuote> allowed = quotes.stream().filter(allowedBy).toList();
        Optional<RateQuote> inTime = allowed.stream().filter(q -> q.transitDays() <= promiseDays)
                .min(Comparator.comparing(RateQuote::price).thenComparing(RateQuote::transitDays));
        if (inTime.isPresent()) {
            return Optional.of(new Choice(inTime.get(), true));
        }
        return allowed.stream().min(Comparator.comparingInt(RateQuote::transitDays).thenComparing(RateQuote::price))
                .map(q -> new Choice(q, false));
    }

    /**
     * The quote of the carrier service the plan was priced with, when the carrier decision allows it
     * ({@code allowedBy}, described as {@code allowed}) and it is not dearer than the estimate; otherwise empty, with
     * why in {@code why}.
     */
    static Optional<Choice> planned(List<RateQuote> quotes, Predicate<RateQuote> allowedBy, String allowed,
                                    int promiseDays, String plannedCarrier, String plannedService, BigDecimal estimate,
                                    List<String> why) {
        Optional<RateQuote> planned = quotes.stream()
                .filter(q -> q.carrier().equals(plannedCarrier) && q.service().equals(plannedService)).findFirst();
        String name = plannedCarrier + " " + plannedService;
        if (planned.isEmpty()) {
            why.add(name + " did not quote");
        } else if (!allowedBy.test(planned.get())) {
            why.add("the carrier decision allows " + allowed + ", not " + name);
        } else if (planned.get().price().compareTo(estimate) > 0) {
            why.add(name + " now quotes " + planned.get().price() + ", dearer than the " + estimate + " estimated");
        } else {
            return Optional.of(new Choice(planned.get(), planned.get().transitDays() <= promiseDays));
        }
        return Optional.empty();
    }

    record Choice(RateQuote quote, boolean keepsPromise) {
    }
}
