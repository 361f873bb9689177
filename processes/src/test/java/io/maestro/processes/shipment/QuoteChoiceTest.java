package io.maestro.processes.shipment;

import io.maestro.core.partner.RateQuote;
import org.junit.jupiter.api.Test;

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

    private static String chosen(String carrier, String service, int promiseDays) {
        QuoteChoice.Choice c = QuoteChoice.choose(RATES, carrier, service, promiseDays).orElseThrow();
        return c.quote().carrier() + " " + c.quote().service() + " " + c.quote().transitDays() + " days, "
                + (c.keepsPromise() ? "keeps promise" : "misses promise");
    }
}
