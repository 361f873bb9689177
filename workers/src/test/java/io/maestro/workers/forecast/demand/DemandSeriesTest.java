package io.maestro.workers.forecast.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemandSeriesTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");

    @Test
    void aStockoutBucketStandsAtTheMeanOfTheUncensoredBucketsBefore() {
        // bucket 2 (sold 1, out of stock) → mean of 4, 2 = 3; bucket 4 (sold 5) keeps 5 > mean of 4, 2, 0 = 2
        DemandSeries series = new DemandSeries(MONDAY, new double[] {4, 2, 1, 0, 5},
                new boolean[] {false, false, true, false, true});
        assertThat(series.imputed()).containsExactly(4, 2, 3, 0, 5);
        assertThat(series.censoredBuckets()).isEqualTo(2);
    }

    @Test
    void aStockoutFirstTakesTheMeanOfEveryUncensoredBucket() {
        DemandSeries series = new DemandSeries(MONDAY, new double[] {0, 3, 1}, new boolean[] {true, false, false});
        assertThat(series.imputed()).containsExactly(2, 3, 1);
        DemandSeries allOut = new DemandSeries(MONDAY, new double[] {1, 0}, new boolean[] {true, true});
        assertThat(allOut.imputed()).containsExactly(1, 0);
    }

    @Test
    void weeksStartOnMonday() {
        assertThat(Bucket.WEEK.start(LocalDate.parse("2026-03-08"))).isEqualTo(MONDAY);
        assertThat(Bucket.WEEK.index(MONDAY, LocalDate.parse("2026-03-16"))).isEqualTo(2);
        assertThat(Bucket.DAY.start(LocalDate.parse("2026-03-08"))).isEqualTo(LocalDate.parse("2026-03-08"));
    }
}
