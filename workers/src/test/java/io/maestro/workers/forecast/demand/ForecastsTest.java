package io.maestro.workers.forecast.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.NotFoundException;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.geo.Address;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.ReservationRequest;
import io.maestro.core.network.NetworkService;
import io.maestro.core.order.NewOrder;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.workers.forecast.LifeCycle;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A week of TSHIRT-BLK-M at the Brooklyn DC, through core's own services on a set clock: Monday 5 in stock, an
 * order of 2; Tuesday an order of 2 reserved, then cancelled; Wednesday an order of 3 takes the last units (out of
 * stock Wednesday to Friday, a receipt of 4 on Friday); nothing since. Forecast the next Monday.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:forecasts;DB_CLOSE_DELAY=-1")
class ForecastsTest {

    private static final String SKU = "TSHIRT-BLK-M";

    @Autowired Forecasts forecasts;
    @Autowired DemandHistory history;
    @Autowired OrderIntake intake;
    @Autowired OrderService orders;
    @Autowired InventoryLedger ledger;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired ForecastTestApplication.SettableClock clock;

    @BeforeEach
    void aWeekOfDemand() {
        jdbc.update("delete from demand_forecast");
        DomainTables.empty(jdbc);
        clock.set("2026-03-02T08:00:00Z");
        TestData.seed(network, catalog);
        ledger.adjust(new Adjustment("receipt-1", "DC-BKN", SKU, 5L, null, null, "receipt"), "test");
        order("W-1", 2, "DC-BKN", "NY");
        clock.set("2026-03-03T12:00:00Z");
        String cancelled = order("W-2", 2, "DC-BKN", "NY");
        ledger.releaseAll(ledger.reservationsOf(cancelled).stream().map(r -> r.id()).toList(), "cancelled", "test");
        orders.changeStatus(cancelled, OrderStatus.CANCELLED, "CANCELLED", "test", "customer cancelled", Map.of());
        clock.set("2026-03-04T15:00:00Z");
        order("W-3", 3, "DC-BKN", " nj ");
        clock.set("2026-03-06T09:00:00Z");
        ledger.adjust(new Adjustment("receipt-2", "DC-BKN", SKU, 4L, null, null, "receipt"), "test");
        clock.set("2026-03-09T07:00:00Z");
    }

    @Test
    void historyCountsWhatEachNodeServedNetOfCancellationsAndMarksStockoutDays() {
        SkuDemand demand = history.of(SKU, Bucket.DAY, LocalDate.parse("2026-03-09"));

        DemandSeries brooklyn = demand.at("DC-BKN").orElseThrow();
        assertThat(lastWeek(brooklyn.units())).containsExactly(2, 0, 3, 0, 0, 0, 0);
        assertThat(lastWeek(brooklyn.censored())).containsExactly(false, false, true, true, true, false, false);
        assertThat(brooklyn.firstBucket()).isEqualTo(LocalDate.parse("2026-03-09").minusDays(365));
        assertThat(lastWeek(demand.network().units())).containsExactly(2, 0, 3, 0, 0, 0, 0);
        assertThat(lastWeek(demand.network().censored())).containsExactly(false, false, true, true, true, false, false);
        assertThat(demand.byNode()).containsOnlyKeys("DC-BKN");
        assertThat(demand.byRegion()).containsOnlyKeys("NY", "NJ");
        assertThat(lastWeek(demand.inRegion("NY").orElseThrow().units())).containsExactly(2, 0, 0, 0, 0, 0, 0);
        assertThat(lastWeek(demand.inRegion("NJ").orElseThrow().units())).containsExactly(0, 0, 3, 0, 0, 0, 0);
        assertThat(lastWeek(demand.inRegion("NJ").orElseThrow().censored()))
                .containsExactly(false, false, true, true, true, false, false);

        SkuDemand weeks = history.of(SKU, Bucket.WEEK, LocalDate.parse("2026-03-09"));
        DemandSeries week = weeks.network();
        assertThat(week.units()[week.units().length - 1]).isEqualTo(5);
        assertThat(week.censored()[week.censored().length - 1]).isTrue();
        assertThat(week.censoredBuckets()).isEqualTo(1);
    }

    @Test
    void aForecastNamesItsMethodAndQuantilesAndIsStored() {
        SkuForecast forecast = forecasts.forSku(SKU, "DC-BKN", 7);

        assertThat(forecast.nodeId()).isEqualTo("DC-BKN");
        assertThat(forecast.bucket()).isEqualTo(Bucket.DAY);
        assertThat(forecast.from()).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(forecast.mean()).hasSize(7);
        assertThat(forecast.total()).isPositive();
        assertThat(forecast.quantiles()).containsOnlyKeys("0.5", "0.8", "0.9", "0.95", "0.99");
        assertThat(forecast.quantiles().get("0.99")).isGreaterThanOrEqualTo(forecast.quantiles().get("0.5"));
        assertThat(forecast.method()).isIn("SES", "SBA", "TSB", "HOLT", "HOLT_WINTERS");
        assertThat(forecast.parameters()).containsKey("alpha");
        assertThat(forecast.backtestError()).isNotNull();
        assertThat(forecast.historyBuckets()).isEqualTo(365);
        assertThat(forecast.censoredBuckets()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from demand_forecast where sku = ? and node_id = 'DC-BKN' "
                + "and bucket = 'DAY'", Integer.class, SKU)).isEqualTo(1);

        clock.set("2026-03-10T07:00:00Z");
        assertThat(forecasts.forSku(SKU, "DC-BKN", 3).computedAt()).isEqualTo(forecast.computedAt());
    }

    /** Replenishment's lead-time demand is the same forecast: its distribution gives the answer's quantiles. */
    @Test
    void demandOverDaysIsTheForecastsOwnDistribution() {
        forecasts.refresh(SKU);
        SkuForecast forecast = forecasts.forSku(SKU, "DC-BKN", 10);
        LeadTimeDemand leadTime = forecasts.demandOver(SKU, "DC-BKN", 10);

        assertThat(leadTime.forecast()).isEqualTo(forecast);
        assertThat(leadTime.demand().mean()).isEqualTo(forecast.total());
        for (double level : Forecasts.LEVELS) {
            assertThat(leadTime.demand().quantile(level)).isEqualTo(forecast.quantiles().get(String.valueOf(level)));
        }
        assertThat(leadTime.demand().quantile(0.999)).isGreaterThanOrEqualTo(forecast.quantiles().get("0.99"));
    }

    @Test
    void aRefreshRecomputesEveryNodeAndTheNetworkInDaysAndWeeks() {
        List<SkuForecast> daily = forecasts.refresh(SKU);

        assertThat(daily).extracting(SkuForecast::nodeId).containsExactly(null, "DC-BKN");
        assertThat(jdbc.queryForList("select node_id || ':' || bucket from demand_forecast where sku = ? order by 1",
                String.class, SKU)).containsExactly("*:DAY", "*:WEEK", "@NJ:DAY", "@NJ:WEEK", "@NY:DAY", "@NY:WEEK",
                "DC-BKN:DAY", "DC-BKN:WEEK");
        SkuForecast weekly = forecasts.forSku(SKU, null, Bucket.WEEK, 4);
        assertThat(weekly.mean()).hasSize(4);
        assertThat(weekly.historyBuckets()).isEqualTo(104);
        assertThat(weekly.from()).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(forecasts.refreshAll()).isEqualTo(2);
    }

    /**
     * Network-wide days, one day ahead, SES 0.1 from zero: after Monday's 2 (age 1, class 0) SES says 0.2 and Tuesday
     * brings 0; after Tuesday (age 2) 0.18 and Wednesday 3 → class 0: 3 ÷ 0.38. Sunday after Saturday (age 6, class
     * 2) brings nothing → 0. Days before any demand stay 1 (forecast 0); no week has a complete bucket after one.
     */
    @Test
    void refreshAllLearnsALifeCycleCorrectionFromEverySku() {
        assertThat(forecasts.refreshAll()).isEqualTo(2);

        LifeCycle days = forecasts.lifeCycle(Bucket.DAY);
        assertThat(days.multiplier(0)).isCloseTo(3 / 0.38, within(1e-9));
        assertThat(days.multiplier(2)).isZero();
        assertThat(days.multiplier(LifeCycle.NEVER)).isEqualTo(1);
        assertThat(forecasts.lifeCycle(Bucket.WEEK).multiplier(0)).isEqualTo(1);
        assertThat(forecasts.forSku(SKU, null, 7).method()).isIn("SES", "SBA", "TSB", "HOLT", "HOLT_WINTERS",
                "SES-LIFECYCLE");
    }

    /** The orders shipped to New Jersey: Wednesday's 3 (a stockout day, as the network's) and nothing since. */
    @Test
    void aRegionForecastsTheOrdersShippedThere() {
        SkuForecast newJersey = forecasts.forSku(SKU, null, "nj", Bucket.DAY, 7);
        assertThat(newJersey.region()).isEqualTo("NJ");
        assertThat(newJersey.nodeId()).isNull();
        assertThat(newJersey.historyBuckets()).isEqualTo(365);
        assertThat(newJersey.censoredBuckets()).isEqualTo(3);
        assertThat(newJersey.total()).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from demand_forecast where sku = ? and node_id = '@NJ' "
                + "and bucket = 'DAY'", Integer.class, SKU)).isEqualTo(1);
        assertThat(forecasts.forSku(SKU, null, "NJ", Bucket.DAY, 7).computedAt()).isEqualTo(newJersey.computedAt());
        assertThat(forecasts.forSku(SKU, null, null, Bucket.DAY, 7).region()).isNull();

        SkuForecast california = forecasts.forSku(SKU, null, "CA", Bucket.WEEK, 4);
        assertThat(california.total()).isZero();
        assertThat(california.quantiles().values()).containsOnly(0L);

        assertThatThrownBy(() -> forecasts.forSku(SKU, "DC-BKN", "NJ", Bucket.DAY, 7))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("region");
        assertThatThrownBy(() -> forecasts.forSku(SKU, null, " ", Bucket.DAY, 7))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("region");
    }

    @Test
    void aNodeThatNeverHadTheSkuForecastsNothing() {
        SkuForecast olean = forecasts.forSku(SKU, "DC-OLEAN", 14);
        assertThat(olean.total()).isZero();
        assertThat(olean.quantiles().values()).containsOnly(0L);
    }

    @Test
    void unknownSkusNodesAndHorizonsAreRefused() {
        assertThatThrownBy(() -> forecasts.forSku("NO-SUCH", null, 7)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forecasts.forSku(SKU, "NO-NODE", 7)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> forecasts.forSku(SKU, null, 91)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("horizon");
        assertThatThrownBy(() -> forecasts.forSku(SKU, null, Bucket.WEEK, 0)).isInstanceOf(InvalidRequestException.class);
    }

    private String order(String channelOrderId, int units, String nodeId, String region) {
        NewOrder base = TestData.order(channelOrderId);
        Address to = base.shipTo();
        Address shipTo = new Address(to.name(), to.line1(), to.line2(), to.city(), region, to.postalCode(), to.country());
        NewOrder order = new NewOrder(base.channel(), base.channelOrderId(), base.customer(), shipTo,
                base.deliveryOption(), base.pickupNodeId(), base.preference(), base.shipComplete(),
                List.of(new NewOrder.Line(SKU, units, new BigDecimal("19.90"))));
        String orderId = intake.accept(order, "test").order().orderId();
        ledger.reserve("WEB", List.of(new ReservationRequest(orderId + "-1", orderId, 1, nodeId, SKU, units)), "test");
        return orderId;
    }

    private static double[] lastWeek(double[] values) {
        return Arrays.copyOfRange(values, values.length - 7, values.length);
    }

    private static boolean[] lastWeek(boolean[] values) {
        return Arrays.copyOfRange(values, values.length - 7, values.length);
    }
}
