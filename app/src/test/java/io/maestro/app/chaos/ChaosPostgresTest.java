package io.maestro.app.chaos;

import io.maestro.core.testing.EmbeddedPostgresDatabase;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/** The chaos property of {@link ChaosH2Test} on embedded PostgreSQL (profile {@code postgres} with the demo data). */
class ChaosPostgresTest {

    @Property(tries = 1, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void everyPromiseHoldsAfterChaos(@ForAll("plans") ChaosPlan plan) throws Exception {
        ChaosCheck.run(plan, "PostgreSQL", List.of("--spring.datasource.url=" + EmbeddedPostgresDatabase.newDatabaseUrl(),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "--maestro.mqtt.enabled=false"));
    }

    @Provide
    Arbitrary<ChaosPlan> plans() {
        return ChaosPlans.plans();
    }
}
