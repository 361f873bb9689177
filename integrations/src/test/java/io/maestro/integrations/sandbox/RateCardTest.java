package io.maestro.integrations.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.maestro.integrations.carriers.CarrierRateResponse.ServiceQuote;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sandbox carriers' tariffs: zones, weight breaks, prices, transit days and CO2e, one rule per test. */
class RateCardTest {

    private static final RateCard SWIFT = RateCard.SANDBOX.get("SWIFT");

    @ParameterizedTest(name = "{0} miles is zone {1}")
    @CsvSource({"0,1", "50,1", "50.1,2", "150,2", "300,3", "600,4", "1000,5", "1400,6", "1800,7", "1800.1,8", "5000,8"})
    void theZoneGrowsWithTheDistance(double miles, int zone) {
        assertThat(RateCard.zone(miles)).isEqualTo(zone);
    }

    @ParameterizedTest(name = "{0} kg is charged as {1} kg")
    @CsvSource({"0.2,0.5", "0.5,0.5", "0.51,1", "1.2,2", "4.9,5", "69,70"})
    void theWeightIsRoundedUpToTheNextBreak(double kg, double chargeable) {
        assertThat(RateCard.weightBreak(kg)).contains(chargeable);
    }

    @Test
    void aParcelOverTheLastBreakIsNotCarried() {
        assertThat(SWIFT.quote(100, 70.5, false)).isEmpty();
    }

    /** Zone 3 (200 miles), 1.2 kg charged as 2 kg: GROUND 8.50 + 0.95 × 2 + 0.85 × 2 = 12.10. */
    @Test
    void thePriceIsBasePlusZoneStepsPlusTheChargeableWeight() {
        assertThat(SWIFT.quote("GROUND", 200, 1.2, false).orElseThrow().price()).isEqualByComparingTo("12.10");
    }

    @Test
    void transitDaysComeFromTheServiceAndZone() {
        assertThat(SWIFT.quote(200, 1.2, false)).extracting(ServiceQuote::service, ServiceQuote::transitDays)
                .containsExactly(tuple("GROUND", 2), tuple("TWO_DAY", 2),
                        tuple("OVERNIGHT", 1));
    }

    /** 500 miles = 804.672 km, 2 kg = 0.002 t: road 0.11 kg/t·km → 0.177 kg; air 1.13 → 1.819 kg. */
    @Test
    void co2eIsDistanceTimesWeightTimesTheModeFactor() {
        List<ServiceQuote> quotes = SWIFT.quote(500, 2, false);
        assertThat(quotes.get(0).co2Kg()).isEqualByComparingTo(new BigDecimal("0.177"));
        assertThat(quotes.get(2).co2Kg()).isEqualByComparingTo(new BigDecimal("1.819"));
    }

    @Test
    void greenlineEmitsLessThanHalfOfSwiftOnTheSameService() {
        BigDecimal swift = SWIFT.quote("GROUND", 500, 2, false).orElseThrow().co2Kg();
        BigDecimal greenline = RateCard.SANDBOX.get("GREENLINE").quote("GROUND", 500, 2, false).orElseThrow().co2Kg();
        assertThat(greenline.doubleValue()).isLessThan(swift.doubleValue() / 2);
    }

    @Test
    void onlyThriftCarriesHazardousGoods() {
        assertThat(RateCard.SANDBOX.get("THRIFT").quote(200, 1, true)).isNotEmpty();
        assertThat(SWIFT.quote(200, 1, true)).isEmpty();
        assertThat(RateCard.SANDBOX.get("GREENLINE").quote(200, 1, true)).isEmpty();
    }

    @Test
    void onlySwiftFliesOvernight() {
        assertThat(RateCard.SANDBOX.values()).filteredOn(card -> card.services().stream()
                .anyMatch(s -> s.name().equals("OVERNIGHT"))).extracting(RateCard::carrier).containsExactly("SWIFT");
    }
}
