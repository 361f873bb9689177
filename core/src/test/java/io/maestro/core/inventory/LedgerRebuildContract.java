package io.maestro.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.CoreTestApplication;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.network.NetworkService;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Positions are derived state: after any sequence of adjustments, counts, reservations, releases,
 * consumptions and moves, the sums of the ledger equal the live positions, and no position is negative.
 */
abstract class LedgerRebuildContract {

    private static final List<String> NODES = List.of("DC-BKN", "DC-OLEAN", "ST-MAN");
    private static final List<String> SKUS = List.of("TSHIRT-BLK-M", "SHOE-RUN-42");

    interface Op {
        void apply(InventoryLedger ledger, ChannelProtections protections, JdbcTemplate jdbc, String id);
    }

    record Delta(int node, int sku, long delta) implements Op {
        public void apply(InventoryLedger ledger, ChannelProtections protections, JdbcTemplate jdbc, String id) {
            ledger.adjust(new Adjustment(id, NODES.get(node), SKUS.get(sku), delta, null, null, "delta"), "prop");
        }
    }

    record Count(int node, int sku, long onHand) implements Op {
        public void apply(InventoryLedger ledger, ChannelProtections protections, JdbcTemplate jdbc, String id) {
            ledger.adjust(new Adjustment(id, NODES.get(node), SKUS.get(sku), null, onHand, null, "count"), "prop");
        }
    }

    record Safety(int node, int sku, long safety) implements Op {
        public void apply(InventoryLedger ledger, ChannelProtections protections, JdbcTemplate jdbc, String id) {
            ledger.adjust(new Adjustment(id, NODES.get(node), SKUS.get(sku), null, null, safety, "safety"), "prop");
        }
    }

    record Reserve(int node, int sku, long quantity, boolean web) implements Op {
        public void apply(InventoryLedger ledger, ChannelProtections protections, JdbcTemplate jdbc, String id) {
            ledger.reserve(web ? "WEB" : "POS", List.of(new ReservationRequest("R" + id, "ORD-1", 1, NODES.get(node),
                    SKUS.get(sku), quantity)), "prop");
        }
    }

    record Release(int which) implements Op {
        public void apply(InventoryLedger ledger, ChannelProtections protections, JdbcTemplate jdbc, String id) {
            pick(jdbc, which).ifPresent(r -> ledger.release(r, "release", "prop"));
        }
    }

    record Consume(int which) implements Op {
        public void apply(InventoryLedger ledger, ChannelProtections protections, JdbcTemplate jdbc, String id) {
            pick(jdbc, which).ifPresent(r -> ledger.consume(r, "ship", "prop"));
        }
    }

    record Move(int which, int node) implements Op {
        public void apply(InventoryLedger ledger, ChannelProtections protections, JdbcTemplate jdbc, String id) {
            pick(jdbc, which).ifPresent(r -> ledger.move(r, NODES.get(node), "WEB", "move", "prop"));
        }
    }

    record Protect(int sku, int percent) implements Op {
        public void apply(InventoryLedger ledger, ChannelProtections protections, JdbcTemplate jdbc, String id) {
            protections.set(SKUS.get(sku), "WEB", BigDecimal.valueOf(percent));
        }
    }

    private static final Map<Class<?>, ConfigurableApplicationContext> CONTEXTS = new ConcurrentHashMap<>();

    /** Extra Spring properties that choose the database. */
    abstract String[] databaseProperties();

    @AfterContainer
    static void stop() {
        CONTEXTS.values().forEach(ConfigurableApplicationContext::close);
        CONTEXTS.clear();
    }

    private ConfigurableApplicationContext context() {
        return CONTEXTS.computeIfAbsent(getClass(), type -> new SpringApplicationBuilder(CoreTestApplication.class)
                .properties("spring.main.banner-mode=off").properties(databaseProperties()).run());
    }

    @Property(tries = 60)
    void ledgerSumsEqualLivePositions(@ForAll("operations") List<Op> operations) {
        ConfigurableApplicationContext context = context();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        DomainTables.empty(jdbc);
        TestData.seed(context.getBean(NetworkService.class), context.getBean(CatalogService.class));
        InventoryLedger ledger = context.getBean(InventoryLedger.class);
        ChannelProtections protections = context.getBean(ChannelProtections.class);
        int[] counter = {0};
        for (Op op : operations) {
            apply(op, ledger, protections, jdbc, counter);
        }

        List<InventoryPosition> live = context.getBean(InventoryQueries.class).all();
        assertThat(context.getBean(LedgerRebuild.class).differences()).isEmpty();
        assertThat(live).allSatisfy(p -> {
            assertThat(p.onHand()).isNotNegative();
            assertThat(p.reserved()).isNotNegative();
        });
        Long active = jdbc.queryForObject("select coalesce(sum(quantity), 0) from reservation where status = 'ACTIVE'", Long.class);
        assertThat(live.stream().mapToLong(InventoryPosition::reserved).sum()).isEqualTo(active);
    }

    private static void apply(Op op, InventoryLedger ledger, ChannelProtections protections, JdbcTemplate jdbc, int[] counter) {
        try {
            op.apply(ledger, protections, jdbc, "e" + (++counter[0]));
        } catch (InsufficientStockException | InvalidRequestException | InventoryConflictException refused) {
            // A refused operation must leave ledger and positions untouched; the final comparison checks it.
        }
    }

    private static java.util.Optional<String> pick(JdbcTemplate jdbc, int which) {
        List<String> ids = jdbc.queryForList("select id from reservation order by id", String.class);
        return ids.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ids.get(which % ids.size()));
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> node = Arbitraries.integers().between(0, NODES.size() - 1);
        Arbitrary<Integer> sku = Arbitraries.integers().between(0, SKUS.size() - 1);
        Arbitrary<Integer> which = Arbitraries.integers().between(0, 50);
        Arbitrary<Op> op = Arbitraries.oneOf(
                Combinators.combine(node, sku, Arbitraries.longs().between(-8, 15)).as(Delta::new),
                Combinators.combine(node, sku, Arbitraries.longs().between(0, 20)).as(Count::new),
                Combinators.combine(node, sku, Arbitraries.longs().between(0, 4)).as(Safety::new),
                Combinators.combine(node, sku, Arbitraries.longs().between(1, 6), Arbitraries.of(true, false)).as(Reserve::new),
                Combinators.combine(node, sku, Arbitraries.longs().between(1, 6), Arbitraries.of(true, false)).as(Reserve::new),
                which.map(Release::new),
                which.map(Consume::new),
                Combinators.combine(which, node).as(Move::new),
                Combinators.combine(sku, Arbitraries.integers().between(0, 50)).as(Protect::new));
        return op.list().ofMinSize(1).ofMaxSize(40);
    }
}
