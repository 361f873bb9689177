package io.maestro.workers.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CityTableTest {

    @Test
    void quotedCsvFieldsKeepTheirCommas() {
        assertThat(CityTable.fields("1,\"Washington, D.C.\",DC,38.9,-77.0,700000"))
                .containsExactly("1", "Washington, D.C.", "DC", "38.9", "-77.0", "700000");
    }

    @Test
    void theCityTableHoldsEveryPlace() {
        assertThat(CityTable.load().size()).isEqualTo(16_677);
    }
}
