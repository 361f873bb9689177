package io.maestro.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.network.NetworkService;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class LedgerRebuildTest {

    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries queries;
    @Autowired LedgerRebuild rebuild;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;

    @Test
    void rebuildRestoresPositionsFromTheLedger() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        ledger.adjust(new Adjustment("ev-1", "DC-BKN", "TSHIRT-BLK-M", 9L, null, 1L, "receipt"), "wms");
        ledger.reserve("WEB", List.of(new ReservationRequest("R-1", "ORD-1", 1, "DC-BKN", "TSHIRT-BLK-M", 2)), "allocator");
        jdbc.update("update inventory_position set on_hand = 100, reserved = 0");

        assertThat(rebuild.differences()).hasSize(1);
        assertThat(rebuild.rebuild()).isEqualTo(1);

        assertThat(queries.position("DC-BKN", "TSHIRT-BLK-M").orElseThrow())
                .isEqualTo(new InventoryPosition("DC-BKN", "TSHIRT-BLK-M", 9, 2, 1));
        assertThat(rebuild.differences()).isEmpty();
    }
}
