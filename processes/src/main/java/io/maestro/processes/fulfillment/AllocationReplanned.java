package io.maestro.processes.fulfillment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.order.Shipment;
import io.maestro.core.order.ShipmentEstimate;
import io.maestro.processes.ShipmentIdList;
import io.maestro.workers.allocate.ReplanDelivery;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Message {@code AllocationReplanned}: a wave re-plan for one order, as the variables it carries to the order's
 * process ({@code replanAttempt}, {@code replacedShipmentIds}, {@code replannedShipments}, {@code replannedEstimates}
 * and {@code replanDetails} as JSON, {@code replanReason}).
 */
record AllocationReplanned(String attempt, List<String> replacedShipmentIds, List<Shipment> shipments,
                           List<ShipmentEstimate> estimates, String reason, Map<String, Object> details) {

    static final String MESSAGE = "AllocationReplanned";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    static AllocationReplanned of(ReplanDelivery.Replan replan) {
        return new AllocationReplanned(replan.attempt(), replan.replacedShipmentIds(), replan.shipments(),
                replan.estimates(), replan.reason(), replan.details());
    }

    Map<String, Object> variables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("replanAttempt", attempt);
        variables.put("replacedShipmentIds", String.join(",", replacedShipmentIds));
        variables.put("replannedShipments", write(shipments));
        variables.put("replannedEstimates", write(estimates));
        variables.put("replanReason", reason);
        variables.put("replanDetails", write(details));
        return variables;
    }

    static AllocationReplanned from(DelegateExecution execution, ShipmentIdList ids) {
        try {
            return new AllocationReplanned((String) execution.getVariable("replanAttempt"),
                    ids.split((String) execution.getVariable("replacedShipmentIds")),
                    JSON.readValue((String) execution.getVariable("replannedShipments"), new TypeReference<>() { }),
                    estimates((String) execution.getVariable("replannedEstimates")),
                    (String) execution.getVariable("replanReason"),
                    JSON.readValue((String) execution.getVariable("replanDetails"), new TypeReference<>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("AllocationReplanned carries no readable plan: " + e.getOriginalMessage(), e);
        }
    }

    /** None for a re-plan sent before estimates travelled with it. */
    private static List<ShipmentEstimate> estimates(String json) throws JsonProcessingException {
        return json == null ? List.of() : JSON.readValue(json, new TypeReference<>() { });
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the re-plan: " + e.getOriginalMessage(), e);
        }
    }
}
