package io.maestro.app.chaos;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * The chaos property on H2: at least 200 orders through random interleavings of cancels, address changes, holds, line
 * cancels, duplicated, late and out-of-order partner events, node rejections and partner outages; afterwards every
 * promise holds (see {@link ChaosInvariants}). One try is one application run: jqwik prints the seed, and
 * {@code @Property(seed = "…")} runs a plan again (the interleaving itself also depends on timing).
 */
class ChaosH2Test {

    @Property(tries = 1, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void everyPromiseHoldsAfterChaos(@ForAll("plans") ChaosPlan plan) throws Exception {
        ChaosCheck.run(plan, "H2", List.of("--spring.datasource.url=jdbc:h2:mem:maestro-chaos;DB_CLOSE_DELAY=-1",
                "--maestro.mqtt.port=0"));
    }

    @Provide
    Arbitrary<ChaosPlan> plans() {
        return ChaosPlans.plans();
    }
}
