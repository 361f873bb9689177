package io.maestro.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.catalog.Sku;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.ChannelProtections;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.network.NetworkService;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.processes.fulfillment.FulfillmentTestApplication;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** DMN stock-protection turned into channel protections and safety stock that core's ATP uses. */
@SpringBootTest(classes = FulfillmentTestApplication.class, properties = {
    "spring.datasource.url=jdbc:h2:mem:fulfillment;DB_CLOSE_DELAY=-1", "maestro.worker.enabled=false",
    "maestro.fulfillment.start-processes=false", "camunda.bpm.job-execution.enabled=false"})
class StockProtectionRulesTest {

    @Autowired StockProtectionRules rules;
    @Autowired ChannelProtections protections;
    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries inventory;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void seed() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        catalog.save(new Sku("TEE-1", "Tee", "TSHIRTS", new BigDecimal("0.2"), BigDecimal.TEN, BigDecimal.TEN,
                BigDecimal.ONE, false, false));
        for (String node : new String[] {"DC-BKN", "ST-MAN"}) {
            ledger.adjust(new Adjustment("seed-" + node, node, "TEE-1", 10L, null, null, "receipt"), "test");
        }
    }

    @Test
    void tShirtsAreHeldForTheWebStoreAndStoresKeepTryOnStock() {
        StockProtectionRules.Report report = rules.apply("analyst");

        assertThat(protections.forSku("TEE-1")).singleElement().satisfies(p -> {
            assertThat(p.channel()).isEqualTo("WEB");
            assertThat(p.percent()).isEqualByComparingTo("20");
        });
        assertThat(inventory.atNode("ST-MAN")).filteredOn(p -> p.sku().equals("TEE-1")).singleElement()
                .satisfies(p -> assertThat(p.safetyStock()).isEqualTo(2));
        assertThat(inventory.atNode("DC-BKN")).filteredOn(p -> p.sku().equals("TEE-1")).singleElement()
                .satisfies(p -> assertThat(p.safetyStock()).isZero());
        assertThat(report.safetyStockChanged()).isEqualTo(1);
        assertThat(ledger.entries("ST-MAN", "TEE-1")).last().satisfies(e ->
                assertThat(e.reason()).startsWith("stock-protection v").contains("STORE keeps 2 of TSHIRTS"));
    }

    @Test
    void applyingTheSameVersionAgainChangesNothing() {
        rules.apply("analyst");
        int entries = ledger.entries("ST-MAN", "TEE-1").size();

        StockProtectionRules.Report again = rules.apply("analyst");

        assertThat(again.safetyStockChanged()).isZero();
        assertThat(ledger.entries("ST-MAN", "TEE-1")).hasSize(entries);
    }
}
