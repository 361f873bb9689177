package io.maestro.processes.returns;

import io.maestro.core.returns.ReturnOpened;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Starts {@code customer-return} for every return recorded, in the same transaction: the return and its process
 * commit or roll back together. Business key = the order id, so decisions and messages land on the order's timeline.
 */
@Component
public class ReturnProcessStarter {

    public static final String PROCESS = "customer-return";

    private final RuntimeService runtime;

    public ReturnProcessStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    public void start(ReturnOpened opened) {
        runtime.startProcessInstanceByKey(PROCESS, opened.orderId(), Map.of("orderId", opened.orderId(),
                "returnId", opened.returnId(), "receivingNodeId", opened.nodeId()));
    }
}
