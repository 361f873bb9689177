package io.maestro.processes;

import io.maestro.core.order.OrderAccepted;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Starts {@code order-fulfillment} for every accepted order, inside the intake transaction: the order and
 * its process commit or roll back together. Business key = order id.
 */
@Component
public class OrderProcessStarter {

    public static final String PROCESS = "order-fulfillment";

    private final RuntimeService runtime;
    private final FulfillmentProperties properties;

    public OrderProcessStarter(RuntimeService runtime, FulfillmentProperties properties) {
        this.runtime = runtime;
        this.properties = properties;
    }

    @EventListener
    public void start(OrderAccepted accepted) {
        if (properties.startProcesses()) {
            runtime.startProcessInstanceByKey(PROCESS, accepted.orderId(),
                    Map.of("orderId", accepted.orderId(), "channel", accepted.channel()));
        }
    }
}
