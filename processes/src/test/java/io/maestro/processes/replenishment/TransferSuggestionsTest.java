package io.maestro.processes.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.carrier.CarrierModel;
import io.maestro.core.carrier.CarrierParcel;
import io.maestro.core.carrier.CarrierQuote;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.network.NetworkService;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.processes.testing.ProcessesSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * T-shirts at two DCs: Brooklyn has 100 and sells 0.1 a day, Olean has none and sells 2 a day; each is its DC's only
 * SKU with demand, so class A (98 %, 14 days of cover). Brooklyn's level is the 98 % quantile of Poisson(1.4) = 4,
 * far below its 100: it can give 96. Olean's is the 98 % quantile of Poisson(28) = 39: it needs 39.
 */
@ProcessesSpringTest
class TransferSuggestionsTest {

    @Autowired TransferSuggestions suggestions;
    @Autowired InventoryLedger ledger;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired CarrierModel carriers;
    @Autowired OrderIntake intake;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void twoDcs() {
        jdbc.update("delete from purchase_order");
        jdbc.update("delete from demand_forecast");
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        stock("DC-BKN", 100);
        stock("DC-OLEAN", 0);
        forecast("DC-BKN", 0.1);
        forecast("DC-OLEAN", 2.0);
    }

    @Test
    void stockFarAboveItsLevelIsSuggestedWhereItIsShortWithCostAndSaving() {
        intake.accept(TestData.order("W-T" + System.nanoTime()), "web");

        List<TransferSuggestion> all = suggestions.suggest(null);

        assertThat(all).singleElement().satisfies(s -> {
            assertThat(s.sku()).isEqualTo("TSHIRT-BLK-M");
            assertThat(s.fromNodeId()).isEqualTo("DC-BKN");
            assertThat(s.toNodeId()).isEqualTo("DC-OLEAN");
            assertThat(s.units()).isEqualTo(39);
            assertThat(s.fromLevel()).isEqualTo(4);
            assertThat(s.fromCoverDays()).isEqualTo(1000.0);
            assertThat(s.toLevel()).isEqualTo(39);
            assertThat(s.toCoverDays()).isEqualTo(0.0);
            CarrierQuote cheapest = carriers.quotes(new CarrierParcel(network.get("DC-BKN").location()
                            .milesTo(network.get("DC-OLEAN").location()), 0.25 * 39, 30 * 20 * 3 * 39, false, false, false))
                    .stream().min(Comparator.comparingDouble(CarrierQuote::price)).orElseThrow();
            assertThat(s.carrier()).isEqualTo(cheapest.carrier());
            assertThat(s.service()).isEqualTo(cheapest.service());
            assertThat(s.transferCost()).isEqualByComparingTo(cheapest.priceAmount()).isPositive();
            // E[min(D, 39)] for Poisson(28) less what Brooklyn loses (≈ 0): 27.95 units at $19.90
            assertThat(s.expectedUnitsSaved()).isEqualTo(27.95);
            assertThat(s.unitValue()).isEqualByComparingTo("19.90");
            assertThat(s.expectedSaving()).isEqualByComparingTo("556.16");
            assertThat(s.worthwhile()).isEqualTo(s.expectedSaving().compareTo(s.transferCost()) > 0);
        });
    }

    @Test
    void withoutSalesTheSavingIsUnknownAndNodesWithinTheirLevelsGiveNothing() {
        assertThat(suggestions.suggest("TSHIRT-BLK-M")).singleElement().satisfies(s -> {
            assertThat(s.unitValue()).isNull();
            assertThat(s.expectedSaving()).isNull();
            assertThat(s.worthwhile()).isFalse();
        });

        ledger.adjust(new Adjustment("bkn-recount", "DC-BKN", "TSHIRT-BLK-M", null, 8L, null, "count"), "test");
        assertThat(suggestions.suggest("TSHIRT-BLK-M")).isEmpty();
        assertThat(suggestions.suggest("SHOE-RUN-42")).isEmpty();
    }

    private void stock(String nodeId, long units) {
        ledger.adjust(new Adjustment("count-" + nodeId, nodeId, "TSHIRT-BLK-M", null, units, null, "count"), "test");
    }

    private void forecast(String nodeId, double perDay) {
        jdbc.update("insert into demand_forecast (sku, node_id, bucket, method, parameters, backtest_error, "
                        + "history_buckets, censored_buckets, dispersion, first_bucket, mean_per_bucket, computed_at) "
                        + "values ('TSHIRT-BLK-M', ?, 'DAY', 'SES', 'alpha=0.1', null, 365, 0, 1.0, ?, ?, ?)", nodeId,
                LocalDate.now(ZoneOffset.UTC), String.join(";", Collections.nCopies(90, String.valueOf(perDay))),
                OffsetDateTime.now(ZoneOffset.UTC));
    }
}
