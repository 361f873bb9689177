package io.maestro.processes.returns;

import io.maestro.core.returns.ItemCondition;
import io.maestro.core.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores what the clerk found for the line ({@code condition}, {@code inspectionNotes}). */
@Component("recordReturnInspection")
public class RecordReturnInspection implements JavaDelegate {

    private final ReturnService returns;

    public RecordReturnInspection(ReturnService returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        returns.recordInspection((String) execution.getVariable("returnId"),
                Integer.parseInt(String.valueOf(execution.getVariable("returnLineNo"))),
                ItemCondition.valueOf((String) execution.getVariable("condition")),
                (String) execution.getVariable("inspectionNotes"), "returns-clerk");
    }
}
