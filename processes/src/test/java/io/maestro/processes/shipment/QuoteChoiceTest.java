package io.maestro.processes.shipment;

import io.maestro.core.partner.RateQuote;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which quote Task_BuyLabel buys for what DMN carrier-selection allowed (rates of {@link TestCarriers}). */
class QuoteChoiceTest {

    private static final List<RateQuote> RATES = TestCarriers.RATES;

    @Test
    void anyCarrierGroundTakesTheCheapestQuoteWithinThePromise() {
        assertThat(chosen("ANY", "GROUND", 3)).isEqualTo("GREENLINE GROUND 3 days, keeps promise");
    }

    @Test
    void aNamedCarrierIsTheOnlyOneConsidered() {
        assertThat(chosen("SWIFT", "GROUND", 3)).isEqualTo("SWIFT TWO_DAY 2 days, keeps promise");
    }

    @Test
    void aMinimumServiceExcludesSlowerServicesEvenWhenCheaperAndInTime() {
        assertThat(chosen("ANY", "TWO_DAY", 5)).isEqualTo("THRIFT TWO_DAY 2 days, keeps promise");
    }

    @Test
    void whenNoAllowedQuoteKeepsThePromiseTheFastestAllowedIsChosen() {
        assertThat(chosen("THRIFT", "GROUND", 1)).isEqualTo("THRIFT TWO_DAY 2 days, misses promise");
    }

    @Test
    void noQuoteOfTheNamedCarrierMeansNoChoice() {
        assertThat(QuoteChoice.choose(RATES, "GREENLINE", "OVERNIGHT", 1)).isEmpty();
    }

    @Test
    void thePlannedServiceIsBoughtWhenAllowedAndNotDearerEvenIfAnotherIsCheaper() {
        List<String> why = new ArrayList<>();
        QuoteChoice.Choice c = QuoteChoice.planned(RATES, "ANY", "GROUND", 3, "SWIFT", "TWO_DAY",
                new BigDecimal("12.90"), why).orElseThrow();
        assertThat(c.quote().carrier() + " " + c.quote().service()).isEqualTo("SWIFT TWO_DAY");
        assertThat(why).isEmpty();
    }

    @Test
    void aPlannedServiceQuotingDearerThanItsEstimateIsNotBought() {
        List<String> why = new ArrayList<>();
        assertThat(QuoteChoice.planned(RATES, "ANY", "GROUND", 3, "GREENLINE", "GROUND", new BigDecimal("7.19"), why))
                .isEmpty();
        assertThat(why).containsExactly("GREENLINE GROUND now quotes 7.20, dearer than the 7.19 estimated");
    }

    @Test
    void aPlannedServiceTheCarrierDecisionDoesNotAllowIsNotBought() {
        List<String> why = new ArrayList<>();
        assertThat(QuoteChoice.planned(RATES, "ANY", "TWO_DAY", 3, "GREENLINE", "GROUND", new BigDecimal("7.20"), why))
                .isEmpty();
        assertThat(why).containsExactly("the carrier decision asks for ANY TWO_DAY or faster, not GREENLINE GROUND");
    }

    @Test
    void aPlannedServiceWithoutAQuoteIsNotBought() {
        List<String> why = new ArrayList<>();
        assertThat(QuoteChoice.planned(RATES, "ANY", "GROUND", 3, "SWIFT", "GROUND", new BigDecimal("9.00"), why))
                .isEmpty();
        assertThat(why).containsExactly("SWIFT GROUND did not quote");
    }

    private static String chosen(String carrier, String service, int promiseDays) {
        QuoteChoice.Choice c = QuoteChoice.choose(RATES, carrier, service, promiseDays).orElseThrow();
        return c.quote().carrier() + " " + c.quote().service() + " " + c.quote().transitDays() + " days, "
                + (c.keepsPromise() ? "keeps promise" : "misses promise");
    }
}
