package io.maestro.processes.shipment;

import io.maestro.core.carrier.CarrierConstraint;
import io.maestro.core.carrier.CarrierModel;
import io.maestro.core.carrier.ServiceLevel;
import io.maestro.core.partner.RateQuote;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static io.maestro.core.carrier.ServiceLevel.GROUND;
import static io.maestro.core.carrier.ServiceLevel.OVERNIGHT;
import static io.maestro.core.carrier.ServiceLevel.TWO_DAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which quote Task_BuyLabel buys for what DMN carrier-selection allowed (rates of {@link TestCarriers}; the hazmat
 * licences of the demo carriers' cards: THRIFT holds one).
 */
class QuoteChoiceTest {

    private static final List<RateQuote> RATES = TestCarriers.RATES;
    private static final CarrierModel CARRIERS = CarrierModel.demo();

    @Test
    void anyCarrierAnyServiceTakesTheCheapestQuoteWithinThePromise() {
        assertThat(chosen(allowed(Set.of(), false, GROUND, OVERNIGHT), 3)).isEqualTo("GREENLINE GROUND 3 days, keeps promise");
    }

    @Test
    void aNamedCarrierIsTheOnlyOneConsidered() {
        assertThat(chosen(allowed(Set.of("SWIFT"), false, GROUND, OVERNIGHT), 3)).isEqualTo("SWIFT TWO_DAY 2 days, keeps promise");
    }

    @Test
    void aSlowestServiceExcludesSlowerServicesEvenWhenCheaperAndInTime() {
        assertThat(chosen(allowed(Set.of(), false, TWO_DAY, OVERNIGHT), 5)).isEqualTo("THRIFT TWO_DAY 2 days, keeps promise");
    }

    @Test
    void aFastestServiceExcludesFasterServices() {
        assertThat(chosen(allowed(Set.of(), false, GROUND, GROUND), 1)).isEqualTo("GREENLINE GROUND 3 days, misses promise");
    }

    @Test
    void aLicenceLeavesOnlyTheLicensedCarrier() {
        assertThat(chosen(allowed(Set.of(), true, GROUND, GROUND), 5)).isEqualTo("THRIFT GROUND 4 days, keeps promise");
    }

    @Test
    void whenNoAllowedQuoteKeepsThePromiseTheFastestAllowedIsChosen() {
        assertThat(chosen(allowed(Set.of("THRIFT"), false, GROUND, OVERNIGHT), 1)).isEqualTo("THRIFT TWO_DAY 2 days, misses promise");
    }

    @Test
    void noQuoteOfTheNamedCarrierMeansNoChoice() {
        assertThat(QuoteChoice.choose(RATES, allowed(Set.of("GREENLINE"), false, OVERNIGHT, OVERNIGHT), 1)).isEmpty();
    }

    @Test
    void thePlannedServiceIsBoughtWhenAllowedAndNotDearerEvenIfAnotherIsCheaper() {
        List<String> why = new ArrayList<>();
        QuoteChoice.Choice c = QuoteChoice.planned(RATES, allowed(Set.of(), false, GROUND, OVERNIGHT), "any", 3, "SWIFT",
                "TWO_DAY", new BigDecimal("12.90"), why).orElseThrow();
        assertThat(c.quote().carrier() + " " + c.quote().service()).isEqualTo("SWIFT TWO_DAY");
        assertThat(why).isEmpty();
    }

    @Test
    void aPlannedServiceQuotingDearerThanItsEstimateIsNotBought() {
        List<String> why = new ArrayList<>();
        assertThat(QuoteChoice.planned(RATES, allowed(Set.of(), false, GROUND, OVERNIGHT), "any", 3, "GREENLINE", "GROUND",
                new BigDecimal("7.19"), why)).isEmpty();
        assertThat(why).containsExactly("GREENLINE GROUND now quotes 7.20, dearer than the 7.19 estimated");
    }

    @Test
    void aPlannedServiceTheCarrierDecisionDoesNotAllowIsNotBought() {
        List<String> why = new ArrayList<>();
        CarrierConstraint twoDay = new CarrierConstraint(Set.of(), false, TWO_DAY, OVERNIGHT, true, "test");
        assertThat(QuoteChoice.planned(RATES, QuoteChoice.allowedBy(twoDay, CARRIERS), twoDay.describe(), 3,
                "GREENLINE", "GROUND", new BigDecimal("7.20"), why)).isEmpty();
        assertThat(why).containsExactly("the carrier decision allows any carrier, TWO_DAY to OVERNIGHT, not GREENLINE GROUND");
    }

    @Test
    void aPlannedServiceWithoutAQuoteIsNotBought() {
        List<String> why = new ArrayList<>();
        assertThat(QuoteChoice.planned(RATES, allowed(Set.of(), false, GROUND, OVERNIGHT), "any", 3, "SWIFT", "GROUND",
                new BigDecimal("9.00"), why)).isEmpty();
        assertThat(why).containsExactly("SWIFT GROUND did not quote");
    }

    private static Predicate<RateQuote> allowed(Set<String> carriers, boolean licence, ServiceLevel slowest,
                                                ServiceLevel fastest) {
        return QuoteChoice.allowedBy(new CarrierConstraint(carriers, licence, slowest, fastest, false, "test"), CARRIERS);
    }

    private static String chosen(Predicate<RateQuote> allowed, int promiseDays) {
        QuoteChoice.Choice c = QuoteChoice.choose(RATES, allowed, promiseDays).orElseThrow();
        return c.quote().carrier() + " " + c.quote().service() + " " + c.quote().transitDays() + " days, "
                + (c.keepsPromise() ? "keeps promise" : "misses promise");
    }
}
