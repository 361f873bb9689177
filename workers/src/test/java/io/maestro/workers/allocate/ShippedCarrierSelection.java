package io.maestro.workers.allocate;

import io.maestro.core.carrier.CarrierConstraint;
import io.maestro.core.carrier.CarrierSelection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * DMN {@code carrier-selection} as the decisions module ships it, for tests of allocation on a database without the
 * engine's tables: the same table, answered by {@link CarrierSelectionDecision#answer}.
 */
final class ShippedCarrierSelection implements CarrierSelection {

    private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final DmnDecision decision;

    ShippedCarrierSelection() {
        try (InputStream xml = getClass().getResourceAsStream("/dmn/" + CarrierSelectionDecision.DECISION + ".dmn")) {
            decision = engine.parseDecision(CarrierSelectionDecision.DECISION, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CarrierConstraint decide(String orderId, Facts facts) {
        return CarrierSelectionDecision.answer(engine, decision, CarrierSelectionDecision.DECISION + " as shipped", facts);
    }
}
