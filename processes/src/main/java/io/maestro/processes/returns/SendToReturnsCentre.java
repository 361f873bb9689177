package io.maestro.processes.returns;

import io.maestro.core.network.NetworkService;
import io.maestro.core.returns.Disposition;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * RETURNS_CENTRE: recorded; when a returns centre node is configured (and exists), its on-hand gets the units
 * (ledger reason RETURN_TO_CENTRE).
 */
@Component("sendToReturnsCentre")
public class SendToReturnsCentre implements JavaDelegate {

    private final ReturnDispositions dispositions;
    private final ReturnsProperties properties;
    private final NetworkService network;

    public SendToReturnsCentre(ReturnDispositions dispositions, ReturnsProperties properties, NetworkService network) {
        this.dispositions = dispositions;
        this.properties = properties;
        this.network = network;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String centre = properties.centreNode();
        boolean known = centre != null && !centre.isBlank() && network.find(centre).isPresent();
        dispositions.apply(execution, Disposition.RETURNS_CENTRE, known ? centre : null, "RETURN_TO_CENTRE");
    }
}
