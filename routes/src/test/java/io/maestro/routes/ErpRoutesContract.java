package io.maestro.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.deadletter.DeadLetter;
import io.maestro.core.deadletter.DeadLetterStatus;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.core.inventory.Adjustment;
import io.maestro.core.inventory.InventoryLedger;
import io.maestro.core.inventory.InventoryPosition;
import io.maestro.core.inventory.InventoryQueries;
import io.maestro.core.inventory.LedgerEntry;
import io.maestro.core.inventory.LedgerEntryType;
import io.maestro.core.network.NetworkService;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import io.maestro.integrations.erp.ErpItemImport;
import io.maestro.integrations.erp.ErpReconciliation;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** ERP snapshot and item master files through the real file system, reconciled against the ledger. */
abstract class ErpRoutesContract {

    static final String SNAPSHOT = """
            node_id,sku,on_hand,safety_stock
            DC-BKN,TSHIRT-BLK-M,40,
            DC-OLEAN,TSHIRT-BLK-M,0,
            ST-MAN,SHOE-RUN-42,7,
            DC-BKN,NO-SUCH,3,
            DC-NOWHERE,TSHIRT-BLK-M,abc,
            """;

    @Autowired JdbcTemplate jdbc;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired InventoryLedger ledger;
    @Autowired InventoryQueries queries;
    @Autowired DeadLetters deadLetters;
    @Value("${maestro.data-dir}") String dataDir;
    Inbox inbox;

    @BeforeEach
    void start() {
        inbox = new Inbox(dataDir, "erp");
        inbox.empty();
        DomainTables.empty(jdbc);
        jdbc.update("delete from camel_messageprocessed");
        TestData.seed(network, catalog);
        count("DC-BKN", "TSHIRT-BLK-M", 30);
        count("DC-OLEAN", "TSHIRT-BLK-M", 5);
        count("ST-MAN", "SHOE-RUN-42", 7);
    }

    @Test
    void eachDifferenceBecomesOneErpSnapshotEntryAndTheReportListsEveryRow() {
        inbox.drop("stock-2026-11-27.csv", SNAPSHOT);
        inbox.awaitMoved("error/stock-2026-11-27.csv.report.csv");

        assertThat(inbox.read("error/stock-2026-11-27.csv.report.csv")).isEqualTo("""
                line,node_id,sku,outcome,before,after,delta,reason
                2,DC-BKN,TSHIRT-BLK-M,CHANGED,30,40,10,
                3,DC-OLEAN,TSHIRT-BLK-M,CHANGED,5,0,-5,
                4,ST-MAN,SHOE-RUN-42,UNCHANGED,7,7,0,
                5,DC-BKN,NO-SUCH,REJECTED,,,,sku: unknown SKU NO-SUCH
                6,DC-NOWHERE,TSHIRT-BLK-M,REJECTED,,,,on_hand: 'abc' is not a whole number
                """);
        assertThat(lastEntry("DC-BKN", "TSHIRT-BLK-M")).isEqualTo(new LedgerEntry("DC-BKN", "TSHIRT-BLK-M",
                LedgerEntryType.COUNT, 10, 0, 0, "ERP_SNAPSHOT", "stock-2026-11-27#1", null, "erp"));
        assertThat(lastEntry("DC-OLEAN", "TSHIRT-BLK-M").onHandDelta()).isEqualTo(-5);
        assertThat(lastEntry("DC-OLEAN", "TSHIRT-BLK-M").reason()).isEqualTo("ERP_SNAPSHOT");
        assertThat(ledger.entries("ST-MAN", "SHOE-RUN-42")).hasSize(1);
        assertThat(onHand("DC-BKN", "TSHIRT-BLK-M")).isEqualTo(40);

        List<DeadLetter> letters = deadLetters.list(ErpReconciliation.SOURCE, DeadLetterStatus.OPEN, 0, 10);
        assertThat(letters).extracting(DeadLetter::reference)
                .containsExactly("snapshot stock-2026-11-27 line 5", "snapshot stock-2026-11-27 line 6");
        assertThat(letters.get(0).reason()).isEqualTo("sku: unknown SKU NO-SUCH");
    }

    @Test
    void theSameSnapshotAgainChangesNothingAndItsIdWithOtherRowsIsRefused() {
        inbox.drop("stock-1.json", """
                {"snapshotId": "ERP-77", "rows": [{"nodeId": "DC-BKN", "sku": "TSHIRT-BLK-M", "onHand": 12}]}""");
        inbox.awaitMoved("done/stock-1.json.report.csv");
        inbox.drop("stock-2.json", """
                {"snapshotId": "ERP-77", "rows": [{"nodeId": "DC-BKN", "sku": "TSHIRT-BLK-M", "onHand": 12}]}""");
        inbox.awaitMoved("done/stock-2.json.report.csv");
        inbox.drop("stock-3.json", """
                {"snapshotId": "ERP-77", "rows": [{"nodeId": "DC-BKN", "sku": "TSHIRT-BLK-M", "onHand": 99}]}""");
        inbox.awaitMoved("error/stock-3.json.report.csv");

        assertThat(onHand("DC-BKN", "TSHIRT-BLK-M")).isEqualTo(12);
        assertThat(inbox.read("done/stock-2.json.report.csv")).contains("ERP-77 was reconciled before");
        assertThat(inbox.read("error/stock-3.json.report.csv"))
                .contains("snapshotId ERP-77 was already used for a different snapshot");
    }

    @Test
    void aRejectedRowIsReplayedOnceItsSkuExists() {
        inbox.drop("stock-3.csv", SNAPSHOT);
        inbox.awaitMoved("error/stock-3.csv.report.csv");
        DeadLetter noSuch = deadLetters.list(ErpReconciliation.SOURCE, DeadLetterStatus.OPEN, 0, 10).get(0);

        catalog.save(TestData.sku("NO-SUCH"));
        deadLetters.replay(noSuch.id(), "operator");

        assertThat(onHand("DC-BKN", "NO-SUCH")).isEqualTo(3);
        assertThat(lastEntry("DC-BKN", "NO-SUCH").sourceEventId()).isEqualTo("stock-3/line-5#1");
    }

    @Test
    void theItemMasterCreatesAndUpdatesSkusAndReportsBadRows() {
        inbox.drop("items-1.csv", """
                sku,name,category,weight_kg,length_cm,width_cm,height_cm,hazmat,oversize
                LAMP-01,Desk lamp,HOME,1.2,30,20,45,false,false
                TSHIRT-BLK-M,Black tee M,APPAREL,0.3,30,20,3,,
                BAD-01,Broken,HOME,heavy,1,1,1,maybe,
                """);
        inbox.awaitMoved("error/items-1.csv.report.csv");

        assertThat(inbox.read("error/items-1.csv.report.csv")).isEqualTo("""
                line,sku,outcome,reason
                2,LAMP-01,CREATED,
                3,TSHIRT-BLK-M,UPDATED,
                4,BAD-01,REJECTED,weight_kg: 'heavy' is not a decimal number; hazmat: 'maybe' is not true or false
                """);
        assertThat(catalog.get("LAMP-01").name()).isEqualTo("Desk lamp");
        assertThat(catalog.get("TSHIRT-BLK-M").name()).isEqualTo("Black tee M");
        assertThat(deadLetters.list(ErpItemImport.SOURCE, null, 0, 10)).singleElement()
                .satisfies(l -> assertThat(l.reference()).isEqualTo("items-1.csv line 4"));
    }

    @Test
    void anUnreadableFileGoesToErrorAsADeadLetter() {
        inbox.drop("stock-4.csv", "sku,on_hand\nTSHIRT-BLK-M,3\n");
        inbox.awaitMoved("error/stock-4.csv");

        assertThat(inbox.read("error/stock-4.csv.report.csv")).contains("header lacks column(s) node_id");
        Inbox.await(() -> deadLetters.count("erp-file", null) == 1, "the file's dead letter");
    }

    private void count(String nodeId, String sku, long onHand) {
        ledger.adjust(new Adjustment("seed-" + nodeId + sku, nodeId, sku, null, onHand, null, "seed"), "test");
    }

    private long onHand(String nodeId, String sku) {
        return queries.position(nodeId, sku).map(InventoryPosition::onHand).orElse(0L);
    }

    private LedgerEntry lastEntry(String nodeId, String sku) {
        List<LedgerEntry> entries = ledger.entries(nodeId, sku);
        return entries.get(entries.size() - 1);
    }
}
