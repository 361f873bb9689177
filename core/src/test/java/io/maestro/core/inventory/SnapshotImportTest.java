package io.maestro.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.Violation;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.inventory.SnapshotReport.Outcome;
import io.maestro.core.network.NetworkService;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class SnapshotImportTest {

    @Autowired SnapshotImport snapshots;
    @Autowired InventoryQueries queries;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;

    @Test
    void appliesGoodRowsReportsBadOnesAndIgnoresARepeat() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        List<SnapshotRow> rows = List.of(
                new SnapshotRow("DC-BKN", "TSHIRT-BLK-M", 12L, 2L),
                new SnapshotRow("DC-NOWHERE", "TSHIRT-BLK-M", 5L, null),
                new SnapshotRow("DC-OLEAN", "SHOE-RUN-42", -1L, null),
                new SnapshotRow("DC-BKN", "TSHIRT-BLK-M", 3L, null),
                new SnapshotRow("DC-OLEAN", "SHOE-RUN-42", 0L, null));

        SnapshotReport report = snapshots.importSnapshot("ERP-2026-11-27", "ERP", rows, "erp");

        assertThat(report.applied()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.results()).extracting(SnapshotReport.Row::outcome)
                .containsExactly(Outcome.APPLIED, Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.UNCHANGED);
        assertThat(report.results().get(1).violations()).extracting(Violation::field).containsExactly("rows[2].nodeId");
        assertThat(report.results().get(2).violations()).extracting(Violation::message)
                .containsExactly("is required and must be 0 or more");
        assertThat(report.results().get(3).violations().get(0).message()).contains("repeats");
        assertThat(queries.position("DC-BKN", "TSHIRT-BLK-M").orElseThrow())
                .isEqualTo(new InventoryPosition("DC-BKN", "TSHIRT-BLK-M", 12, 0, 2));

        SnapshotReport again = snapshots.importSnapshot("ERP-2026-11-27", "ERP", rows, "erp");
        assertThat(again.duplicate()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from inventory_ledger", Integer.class)).isEqualTo(2);
    }

    @Test
    void theSameSnapshotIdWithOtherRowsIsRefusedNamingIt() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        snapshots.importSnapshot("ERP-1", "ERP", List.of(new SnapshotRow("DC-BKN", "TSHIRT-BLK-M", 12L, null)), "erp");

        assertThatThrownBy(() -> snapshots.importSnapshot("ERP-1", "ERP",
                List.of(new SnapshotRow("DC-BKN", "TSHIRT-BLK-M", 13L, null)), "erp"))
                .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("snapshotId");
                    assertThat(e.getMessage()).isEqualTo("snapshotId ERP-1 was already used for a different snapshot");
                });
        assertThat(snapshots.importSnapshot("ERP-1", "another source",
                List.of(new SnapshotRow("DC-BKN", "TSHIRT-BLK-M", 12L, null)), "erp").duplicate()).isTrue();
        assertThat(queries.position("DC-BKN", "TSHIRT-BLK-M").orElseThrow().onHand()).isEqualTo(12);
    }
}
