package io.maestro.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EngineFloorBenchmarkTest {

    @Test
    void everySkeletonOrderReachesDeliveryAndTheRunPrintsItsFigures() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            EngineFloorBenchmark.main(new String[] {"--orders", "20", "--clients", "2"});
        } finally {
            System.setOut(out);
        }
        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(report)
                .containsPattern("RESULT bench=engine-floor db=h2 history=full run=measured orders=20 clients=2 orders_per_s=\\d+\\.\\d "
                        + "wall_s=\\d+\\.\\d cpu_ms_per_order=\\d+\\.\\d")
                .contains("ACT_HI_DECINST              4.0 rows")
                .contains("ACT_HI_PROCINST             2.0 rows");
    }
}
