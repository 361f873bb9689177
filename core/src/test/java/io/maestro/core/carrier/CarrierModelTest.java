package io.maestro.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CarrierModelTest {

    private final CarrierModel demo = CarrierModel.demo();

    @Test
    void demoCardsAreTheThreeSandboxCarriers() {
        assertThat(demo.cards()).extracting(RateCard::carrier).containsExactly("SWIFT", "THRIFT", "GREENLINE");
        assertThat(demo.card("SWIFT").orElseThrow().services()).extracting(ServiceRates::name)
                .containsExactly("GROUND", "TWO_DAY", "OVERNIGHT");
    }

    @Test
    void zonesComeFromDistance() {
        assertThat(demo.zone(0)).isEqualTo(1);
        assertThat(demo.zone(50)).isEqualTo(1);
        assertThat(demo.zone(50.1)).isEqualTo(2);
        assertThat(demo.zone(1800)).isEqualTo(7);
        assertThat(demo.zone(2500)).isEqualTo(8);
    }

    @Test
    void aParcelBillsAtTheFirstBreakAtOrAboveItsWeightPlusSurcharges() {
        // THRIFT GROUND zone 3, 1.2 kg → the 2 kg break: 6.20 + 0.70 × 2 + 0.60 × 2 = 8.80; + residential 0.80
        CarrierQuote quote = demo.quote("THRIFT", "GROUND", CarrierParcel.toHome(200, 1.2, false, false)).orElseThrow();
        assertThat(quote.zone()).isEqualTo(3);
        assertThat(quote.price()).isEqualTo(9.60);
        assertThat(quote.transitDays()).isEqualTo(3);
        // + oversize 9.50 + hazmat 6.00
        assertThat(demo.quote("THRIFT", "GROUND", CarrierParcel.toHome(200, 1.2, true, true)).orElseThrow().price())
                .isEqualTo(25.10);
    }

    @Test
    void dimensionalWeightBillsWhenTheParcelIsBulky() {
        // 30 000 cm³ / 5000 = 6 kg billable → the 10 kg break: 8.50 + 0.85 × 10 = 17.00, no surcharge off home delivery
        CarrierQuote quote = demo.quote("SWIFT", "GROUND", new CarrierParcel(10, 1, 30_000, false, false, false))
                .orElseThrow();
        assertThat(quote.billableKg()).isEqualTo(6.0);
        assertThat(quote.price()).isEqualTo(17.00);
    }

    @Test
    void aboveTheLastBreakEveryStartedKgPaysTheLastStep() {
        // SWIFT GROUND zone 1: 70 kg 68.00, 50 kg 51.00 → 0.85 per kg; 71.5 kg → 2 kg more
        CarrierQuote quote = demo.quote("SWIFT", "GROUND", new CarrierParcel(10, 71.5, 0, false, false, false))
                .orElseThrow();
        assertThat(quote.price()).isEqualTo(69.70);
    }

    @Test
    void onlyLicensedCarriersTakeHazardousGoods() {
        assertThat(demo.quotes(CarrierParcel.toHome(400, 2, true, false))).extracting(CarrierQuote::carrier)
                .containsOnly("THRIFT");
        assertThat(demo.quotes("SWIFT", CarrierParcel.toHome(400, 2, true, false))).isEmpty();
    }

    @Test
    void co2IsTonneKmTimesServiceAndFleetFactors() {
        // 100 mi = 160.9344 km × 0.002 t × 0.11 × 0.45
        CarrierQuote quote = demo.quote("GREENLINE", "GROUND", CarrierParcel.toHome(100, 2, false, false)).orElseThrow();
        assertThat(quote.co2Kg()).isCloseTo(160.9344 * 0.002 * 0.11 * 0.45, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void invalidFilesNameFileLineAndField() {
        Map<String, String> files = new HashMap<>(Map.of(
                "zones.csv", "zone,maxMiles\n1,100\n2,\n",
                "carriers.csv", "carrier,rateFile,hazmatLicensed,fleetCo2Factor,dimDivisorCm3PerKg,residentialSurcharge,"
                        + "oversizeSurcharge,hazmatSurcharge\nACME,acme.csv,yes,1,5000,0,0,0\n",
                "services.csv", "carrier,service,kgCo2ePerTonneKm,daysZone1,daysZone2\nACME,GROUND,0.1,1,2\n"
                        + "ACME,SAME_DAY,0.1,1,1\n",
                "acme.csv", "service,maxWeightKg,zone1,zone2\nGROUND,1,5.00,6.00\nGROUND,2,4.50,abc\n"));
        assertThatThrownBy(() -> RateCardFiles.fromContents(files))
                .isInstanceOfSatisfying(RateCardFileException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "carriers.csv line 2, field hazmatLicensed: expected true or false: 'yes'",
                        "services.csv line 3, field service: unknown service 'SAME_DAY', expected one of [GROUND, TWO_DAY, OVERNIGHT]",
                        "acme.csv line 3, field zone2: not a number: 'abc'",
                        "acme.csv line 3, field zone1: price falls with weight: 4.5 after 5.0"));
    }

    @Test
    void aMissingFileOrWrongHeaderIsNamed() {
        assertThatThrownBy(() -> RateCardFiles.fromContents(Map.of("zones.csv", "zone,miles\n1,\n")))
                .isInstanceOfSatisfying(RateCardFileException.class, e -> assertThat(e.problems()).contains(
                        "zones.csv line 1: header must be zone,maxMiles",
                        "carriers.csv: file not found",
                        "services.csv: file not found"));
    }
}
