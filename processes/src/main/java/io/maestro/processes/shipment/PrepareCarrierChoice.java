package io.maestro.processes.shipment;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.catalog.Sku;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.ShipmentLine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Task_PrepareCarrierChoice: the inputs of DMN {@code carrier-selection} — hazmat and oversize from the catalogue for
 * the shipment's lines, the customer tier from the order, and the promise days and service upgrade the order's policy
 * decided (passed in by the calling process) unless the instance has them — and the parcel's weight and volume (its
 * units' length × width × height, for the dimensional weight) for the label.
 */
@Component("prepareCarrierChoice")
public class PrepareCarrierChoice implements JavaDelegate {

    private final OrderService orders;
    private final CatalogService catalog;
    private final Clock clock;

    public PrepareCarrierChoice(OrderService orders, CatalogService catalog, Clock clock) {
        this.orders = orders;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShipmentInProcess s = ShipmentInProcess.load(orders, execution);
        BigDecimal weight = BigDecimal.ZERO;
        BigDecimal volume = BigDecimal.ZERO;
        boolean hazmat = false;
        boolean oversize = false;
        for (ShipmentLine line : s.shipment().lines()) {
            Sku sku = catalog.get(line.sku());
            weight = weight.add(sku.weightKg().multiply(BigDecimal.valueOf(line.quantity())));
            volume = volume.add(BigDecimal.valueOf(sku.unitVolumeCm3()).multiply(BigDecimal.valueOf(line.quantity())));
            hazmat |= sku.hazmat();
            oversize |= sku.oversize();
        }
        execution.setVariable("weightKg", weight.setScale(3, RoundingMode.HALF_UP).doubleValue());
        execution.setVariable("volumeCm3", volume.doubleValue());
        execution.setVariable("hazmat", hazmat);
        execution.setVariable("oversize", oversize);
        if (!(execution.getVariable("promiseDays") instanceof Number)) {
            execution.setVariable("promiseDays", promiseDays(s.shipment().promisedDate()));
        }
        if (execution.getVariable("customerTier") == null) {
            execution.setVariable("customerTier", s.order().customer().tier().name());
        }
        if (!(execution.getVariable("serviceUpgrade") instanceof Boolean)) {
            execution.setVariable("serviceUpgrade", false);
        }
    }

    /** Without a promise the policy decided: the days left until the shipment's promised date. */
    private int promiseDays(LocalDate promisedDate) {
        if (promisedDate == null) {
            return 5;
        }
        return (int) Math.max(1, ChronoUnit.DAYS.between(LocalDate.now(clock), promisedDate));
    }
}
