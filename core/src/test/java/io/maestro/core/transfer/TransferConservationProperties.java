package io.maestro.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.CoreTestApplication;
import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.StateConflictException;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InsufficientStockException;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.inventory.LedgerRebuild;
import io.maestro.core.network.NetworkService;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import java.util.List;
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
 * Transfers conserve units: after every step of any sequence of approvals, releases, receipts (full or short),
 * deadlines, write-offs, keeping waiting and stock changes at the nodes, the units that left sources through the ledger
 * equal the units that arrived at destinations through the ledger, plus those written off, plus those in transit; the
 * network's stock is what was put in less what is in transit or lost; positions equal the ledger's sums.
 */
class TransferConservationProperties {

    private static final List<String> NODES = List.of("DC-BKN", "DC-OLEAN", "ST-MAN");
    private static final String SKU = "TSHIRT-BLK-M";

    private static ConfigurableApplicationContext context;

    interface Op {
        void apply(World w);
    }

    /** The beans a step works with and a counter for event ids. */
    record World(StockTransfers transfers, TransferSteps steps, InventoryLedger ledger, JdbcTemplate jdbc, int[] counter) {
        String nextId() {
            return "e" + (++counter[0]);
        }

        String transfer(int which) {
            List<String> ids = jdbc.queryForList("select transfer_id from stock_transfer order by created_at, transfer_id",
                    String.class);
            return ids.isEmpty() ? null : ids.get(which % ids.size());
        }
    }

    record Approve(int from, int to, long units) implements Op {
        public void apply(World w) {
            w.transfers().request(new TransferRequest(SKU, NODES.get(from), NODES.get(to), units, null), null, "prop");
        }
    }

    record Release(int which) implements Op {
        public void apply(World w) {
            String id = w.transfer(which);
            if (id != null) {
                w.steps().release(id, "prop");
            }
        }
    }

    record Receive(int which, long units) implements Op {
        public void apply(World w) {
            String id = w.transfer(which);
            if (id != null) {
                String event = w.nextId();
                w.transfers().storeReceipt(id, event, units, "wms");
                w.steps().receive(id, event, "prop");
            }
        }
    }

    record Overdue(int which) implements Op {
        public void apply(World w) {
            String id = w.transfer(which);
            if (id != null) {
                w.steps().overdue(id, "prop", "P3D");
            }
        }
    }

    record WriteOff(int which) implements Op {
        public void apply(World w) {
            String id = w.transfer(which);
            if (id != null) {
                w.steps().writeOff(id, "prop", null);
            }
        }
    }

    record KeepWaiting(int which) implements Op {
        public void apply(World w) {
            String id = w.transfer(which);
            if (id != null) {
                w.steps().keepWaiting(id, "prop", null);
            }
        }
    }

    record Delta(int node, long delta) implements Op {
        public void apply(World w) {
            w.ledger().adjust(new Adjustment(w.nextId(), NODES.get(node), SKU, delta, null, null, "delta"), "prop");
        }
    }

    @AfterContainer
    static void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    private static ConfigurableApplicationContext context() {
        if (context == null) {
            context = new SpringApplicationBuilder(CoreTestApplication.class).properties("spring.main.banner-mode=off").run();
        }
        return context;
    }

    @Property(tries = 40)
    void transfersConserveUnits(@ForAll("operations") List<Op> operations) {
        ConfigurableApplicationContext c = context();
        JdbcTemplate jdbc = c.getBean(JdbcTemplate.class);
        DomainTables.empty(jdbc);
        TestData.seed(c.getBean(NetworkService.class), c.getBean(CatalogService.class));
        World w = new World(c.getBean(StockTransfers.class), c.getBean(TransferSteps.class), c.getBean(InventoryLedger.class),
                jdbc, new int[] {0});
        long putIn = 0;
        for (int i = 0; i < NODES.size(); i++) {
            w.ledger().adjust(new Adjustment("start-" + i, NODES.get(i), SKU, 15L, null, null, "start"), "prop");
            putIn += 15;
        }
        for (Op op : operations) {
            try {
                op.apply(w);
                if (op instanceof Delta d) {
                    putIn += d.delta();
                }
            } catch (InsufficientStockException | InvalidRequestException | StateConflictException
                     | IdempotencyConflictException refused) {
                // refused: nothing changed, which the checks below hold it to
            }
            conserved(c, jdbc, putIn);
        }
    }

    private static void conserved(ConfigurableApplicationContext c, JdbcTemplate jdbc, long putIn) {
        long out = -sum(jdbc, "select coalesce(sum(on_hand_delta), 0) from inventory_ledger where entry_type = 'TRANSFER_OUT'");
        long in = sum(jdbc, "select coalesce(sum(on_hand_delta), 0) from inventory_ledger where entry_type = 'TRANSFER_IN'");
        List<StockTransfer> all = c.getBean(StockTransfers.class).list(null, null, 10_000);
        long lost = all.stream().mapToLong(StockTransfer::lost).sum();
        long inTransit = all.stream().mapToLong(StockTransfer::inTransit).sum();
        assertThat(out).isEqualTo(in + lost + inTransit);
        assertThat(out).isEqualTo(all.stream().mapToLong(StockTransfer::released).sum());
        assertThat(all).allSatisfy(t -> {
            assertThat(t.inTransit()).isNotNegative();
            assertThat(t.inTransit() > 0).isEqualTo(t.status().awaitsReceipt());
        });
        long stock = c.getBean(InventoryQueries.class).all().stream().mapToLong(InventoryPosition::onHand).sum();
        assertThat(stock + inTransit + lost).isEqualTo(putIn);
        assertThat(c.getBean(LedgerRebuild.class).differences()).isEmpty();
    }

    private static long sum(JdbcTemplate jdbc, String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> node = Arbitraries.integers().between(0, NODES.size() - 1);
        Arbitrary<Integer> which = Arbitraries.integers().between(0, 20);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Combinators.combine(node, node, Arbitraries.longs().between(1, 12)).as(Approve::new)),
                net.jqwik.api.Tuple.of(3, which.map(Release::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(which, Arbitraries.longs().between(1, 12)).as(Receive::new)),
                net.jqwik.api.Tuple.of(1, which.map(Overdue::new)),
                net.jqwik.api.Tuple.of(1, which.map(WriteOff::new)),
                net.jqwik.api.Tuple.of(1, which.map(KeepWaiting::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(node, Arbitraries.longs().between(-6, 8)).as(Delta::new)));
        return op.list().ofMinSize(1).ofMaxSize(30);
    }
}
