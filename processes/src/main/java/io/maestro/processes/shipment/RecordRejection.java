package io.maestro.processes.shipment;

import io.maestro.core.order.OrderService;
import io.maestro.core.order.ShipmentStatus;
import io.maestro.processes.ShipmentIdList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordRejection: why this shipment will not leave its node ({@code rejectionCause}: NODE_REJECTED,
 * NODE_REFUSED (the node answered the release with a refusal), SHORT_PICKED, SLA_TIMEOUT, DELAYED, OPERATOR_REROUTE, with the details of that cause) goes on the timeline
 * with the shipment REJECTED; sets {@code rejectedShipmentId}, {@code rejectionReason} for {@code reallocate-order}
 * and adds the node to {@code excludedNodes}, so no reroute below this one goes back there.
 */
@Component("recordRejection")
public class RecordRejection implements JavaDelegate {

    private final OrderService orders;
    private final ShipmentIdList ids;

    public RecordRejection(OrderService orders, ShipmentIdList ids) {
        this.orders = orders;
        this.ids = ids;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShipmentInProcess s = ShipmentInProcess.load(orders, execution);
        String node = s.shipment().nodeId();
        String cause = String.valueOf(execution.getVariable("rejectionCause"));
        String reason = cause + ": " + switch (cause) {
            case "NODE_REJECTED" -> node + " rejected it: " + text(execution, "reason");
            case "NODE_REFUSED" -> node + " refused the release: " + text(execution, "partnerError");
            case "SHORT_PICKED" -> node + " is short: " + text(execution, "reason");
            case "SLA_TIMEOUT" -> node + " did not answer within " + text(execution, "nodeAcceptanceSla");
            case "DELAYED" -> execution.getVariable("delayDays") + " days late at " + node + ": "
                    + text(execution, "delayReason");
            case "OPERATOR_REROUTE" -> "an operator rerouted it after " + text(execution, "partnerError")
                    + comment(execution);
            default -> "not filled by " + node;
        };
        orders.changeShipmentStatus(s.orderId(), s.shipmentId(), ShipmentStatus.REJECTED, "SHIPMENT_REJECTED",
                ShipmentInProcess.ACTOR, reason);
        execution.setVariable("rejectedShipmentId", s.shipmentId());
        execution.setVariable("rejectionReason", reason);
        execution.setVariable("excludedNodes", ids.join((String) execution.getVariable("excludedNodes"), node));
    }

    private static String text(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        return value == null ? "no reason given" : value.toString();
    }

    private static String comment(DelegateExecution execution) {
        Object comment = execution.getVariable("operatorComment");
        return comment == null || comment.toString().isBlank() ? "" : " (" + comment + ")";
    }
}
