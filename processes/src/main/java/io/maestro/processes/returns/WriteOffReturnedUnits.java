package io.maestro.processes.returns;

import io.maestro.core.returns.Disposition;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** WRITE_OFF: recorded; the units never come back into stock. */
@Component("writeOffReturnedUnits")
public class WriteOffReturnedUnits implements JavaDelegate {

    private final ReturnDispositions dispositions;

    public WriteOffReturnedUnits(ReturnDispositions dispositions) {
        this.dispositions = dispositions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        dispositions.apply(execution, Disposition.WRITE_OFF, null, null);
    }
}
