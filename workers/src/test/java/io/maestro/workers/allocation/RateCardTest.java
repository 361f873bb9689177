package io.maestro.workers.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateCardTest {

    private final ZoneRateCard card = ZoneRateCard.standard();

    @Test
    void zoneComesFromTheDistance() {
        assertThat(card.zone(0)).isEqualTo(2);
        assertThat(card.zone(150)).isEqualTo(2);
        assertThat(card.zone(150.1)).isEqualTo(3);
        assertThat(card.zone(999)).isEqualTo(5);
        assertThat(card.zone(5000)).isEqualTo(8);
    }

    @Test
    void priceIsZoneTimesWeightBreakTimesService() {
        assertThat(card.price(Service.GROUND, 100, 0.3, 1)).isCloseTo(8.50, within(1e-9));
        assertThat(card.price(Service.GROUND, 250, 4.2, 3)).isCloseTo(10.53, within(1e-9));
        assertThat(card.price(Service.TWO_DAY, 250, 4.2, 3)).isCloseTo(24.11, within(1e-9));
        assertThat(card.price(Service.OVERNIGHT, 250, 4.2, 3)).isCloseTo(40.80, within(1e-9));
    }

    @Test
    void aWeightSummedFromPartsBillsAtItsTrueBreak() {
        assertThat(card.price(Service.GROUND, 100, 0.7 + 0.3, 2)).isCloseTo(8.50, within(1e-9));
        assertThat(card.price(Service.GROUND, 100, 1.01, 2)).isCloseTo(8.80, within(1e-9));
    }

    @Test
    void weightAboveTheLastBreakPaysTheLastPerLbStep() {
        assertThat(card.price(Service.GROUND, 100, 150, 1)).isCloseTo(53.20, within(1e-9));
        assertThat(card.price(Service.GROUND, 100, 160, 1)).isCloseTo(56.20, within(1e-9));
    }

    @Test
    void transitDaysDependOnServiceAndZone() {
        assertThat(card.transitDays(Service.GROUND, 250)).isEqualTo(2);
        assertThat(card.transitDays(Service.GROUND, 2500)).isEqualTo(5);
        assertThat(card.transitDays(Service.TWO_DAY, 2500)).isEqualTo(2);
        assertThat(card.transitDays(Service.OVERNIGHT, 2500)).isEqualTo(1);
    }

    @Test
    void co2IsDistanceTimesWeightTimesModeFactor() {
        assertThat(card.co2Kg(Service.GROUND, 1000, 10)).isCloseTo(0.805, within(1e-9));
        assertThat(card.co2Kg(Service.OVERNIGHT, 1000, 10)).isCloseTo(5.5, within(1e-9));
    }

    @Test
    void literatureCardChargesPerUnitMile() {
        DistanceRateCard literature = DistanceRateCard.literature();
        assertThat(literature.price(Service.GROUND, 1000, 7, 3)).isCloseTo(1.623, within(1e-9));
        assertThat(literature.unitPriceFloor(1000)).isCloseTo(0.541, within(1e-9));
    }

    @Test
    void aCardWhosePriceFallsWithWeightIsRefused() {
        double[][][] price = {{{5.0, 4.0}}};
        assertThatThrownBy(() -> new ZoneRateCard("Bad", List.of(Service.GROUND), new double[] {Double.POSITIVE_INFINITY},
                new double[] {1, 2}, price, new int[][] {{1}}, EmissionFactors.standard()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCardWhoseWeightBreaksDoNotAscendIsRefused() {
        double[][][] price = {{{5.0, 6.0}}};
        assertThatThrownBy(() -> new ZoneRateCard("Bad", List.of(Service.GROUND), new double[] {Double.POSITIVE_INFINITY},
                new double[] {2, 1}, price, new int[][] {{1}}, EmissionFactors.standard()))
                .hasMessageContaining("weight breaks must ascend");
    }

    @Test
    void everyWeightBillsAtTheFirstBreakAtOrAboveIt() {
        double[][][] price = {{{5.0, 6.0, 9.0}}};
        ZoneRateCard threeBreaks = new ZoneRateCard("Three", List.of(Service.GROUND), new double[] {Double.POSITIVE_INFINITY},
                new double[] {1, 5, 10}, price, new int[][] {{1}}, EmissionFactors.standard());

        assertThat(threeBreaks.price(Service.GROUND, 10, 0.2, 1)).isEqualTo(5.0);
        assertThat(threeBreaks.price(Service.GROUND, 10, 1.0, 1)).isEqualTo(5.0);
        assertThat(threeBreaks.price(Service.GROUND, 10, 1.2, 1)).isEqualTo(6.0);
        assertThat(threeBreaks.price(Service.GROUND, 10, 5.0, 1)).isEqualTo(6.0);
        assertThat(threeBreaks.price(Service.GROUND, 10, 9.5, 1)).isEqualTo(9.0);
        assertThat(threeBreaks.price(Service.GROUND, 10, 12.0, 1)).as("2 lb beyond the last break at 3/5 per lb")
                .isCloseTo(10.2, within(1e-9));
    }
}
