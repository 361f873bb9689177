package io.maestro.processes.returns;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.returns.ReturnLine;
import io.maestro.core.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts one returned line ({@code returnLineNo}) into its sub-process for the clerk's form and the disposition decision. */
@Component("prepareReturnLine")
public class PrepareReturnLine implements JavaDelegate {

    private final ReturnService returns;
    private final CatalogService catalog;

    public PrepareReturnLine(ReturnService returns, CatalogService catalog) {
        this.returns = returns;
        this.catalog = catalog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReturnLine line = line(returns, execution);
        execution.setVariable("lineSku", line.sku());
        execution.setVariable("lineQuantity", line.quantity());
        execution.setVariable("lineReason", line.reason());
        execution.setVariable("category", catalog.get(line.sku()).category());
    }

    static ReturnLine line(ReturnService returns, DelegateExecution execution) {
        return returns.get((String) execution.getVariable("returnId"))
                .line(Integer.parseInt(String.valueOf(execution.getVariable("returnLineNo"))));
    }
}
