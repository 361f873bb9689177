package io.maestro.processes;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts how often this engine has parsed {@code order-fulfillment} (a deployment, or a version loaded into its
 * cache), so that {@link OrderProcessStarter} looks the latest version up again at once after a deployment here.
 */
@Component
public class OrderProcessVersions extends AbstractProcessEnginePlugin {

    private final AtomicInteger parsed = new AtomicInteger();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element process, ProcessDefinitionEntity definition) {
                if (OrderProcessStarter.PROCESS.equals(definition.getKey())) {
                    parsed.incrementAndGet();
                }
            }
        });
    }

    /** Changes whenever a version of {@code order-fulfillment} may have been deployed by this engine. */
    int parsed() {
        return parsed.get();
    }
}
