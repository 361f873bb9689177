package io.maestro.processes;

import io.maestro.core.NotFoundException;
import io.maestro.core.geo.Address;
import io.maestro.core.order.CustomerTier;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLine;
import io.maestro.core.order.OrderService;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets a person tell tasks apart in Tasklist: every user task of an order's process is named with the order, the
 * customer and the order's value ("Review held order · ORD-100002 · C-7 (VIP) · $6,079.00"), gets a higher priority
 * for a VIP customer, and is due {@code maestro.tasks.due-after} after it was created (half that for a VIP) unless
 * its model sets a due date. The task also gets {@value #FACTS}, the order's facts as text for its form (customer
 * contact, ship-to, lines with amounts, total with currency, the share available now as a percentage). Added to each
 * user task when the engine parses a model, like {@link OperatorInputOnTimeline}.
 */
@Component
public class TaskLabels extends AbstractProcessEnginePlugin {

    /** Task-local variable with the order's facts as text, shown read-only on the forms. */
    static final String FACTS = "orderFacts";
    static final String CURRENCY = "USD";
    static final int VIP_PRIORITY = 80;
    static final int PRIORITY = 50;
    private static final int MAX_NAME = 255;

    private final OrderService orders;
    private final Duration dueAfter;

    public TaskLabels(OrderService orders, @Value("${maestro.tasks.due-after:PT4H}") Duration dueAfter) {
        this.orders = orders;
        this.dueAfter = dueAfter;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, element -> this::label);
    }

    void label(DelegateTask task) {
        String orderId = task.getExecution().getProcessBusinessKey();
        if (orderId == null) {
            return;
        }
        Order order;
        try {
            order = orders.get(orderId);
        } catch (NotFoundException e) {
            return;
        }
        boolean vip = order.customer().tier() == CustomerTier.VIP;
        String name = task.getName() + " · " + orderId + " · " + order.customer().id() + " ("
                + order.customer().tier() + ") · " + dollars(order.orderTotal());
        task.setName(name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name);
        task.setPriority(vip ? VIP_PRIORITY : PRIORITY);
        if (task.getDueDate() == null) {
            Duration due = vip ? dueAfter.dividedBy(2) : dueAfter;
            task.setDueDate(new Date(ClockUtil.getCurrentTime().getTime() + due.toMillis()));
        }
        task.setVariableLocal(FACTS, facts(order, task.getVariable("fillRate")));
    }

    /** What a person needs to see of the order on any task's form: customer contact, ship-to, lines, total. */
    static String facts(Order order, Object fillRate) {
        StringBuilder text = new StringBuilder();
        text.append("Customer: ").append(order.customer().id()).append(" (").append(order.customer().tier()).append(")");
        if (order.customer().email() != null) {
            text.append(", ").append(order.customer().email());
        }
        Address to = order.shipTo();
        if (to != null) {
            text.append("\nShip to: ").append(Stream.of(to.name(), to.line1(), to.line2(), to.city(),
                    join(to.region(), to.postalCode()), to.country()).filter(p -> p != null && !p.isBlank())
                    .collect(Collectors.joining(", ")));
        }
        text.append("\nLines:");
        for (OrderLine line : order.lines()) {
            text.append("\n  ").append(line.lineNo()).append(". ").append(line.quantity()).append(" × ").append(line.sku())
                    .append(" at ").append(dollars(line.unitPrice())).append(" = ")
                    .append(dollars(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()))));
        }
        text.append("\nOrder total: ").append(dollars(order.orderTotal())).append(" (").append(CURRENCY).append(")");
        if (fillRate instanceof Number share) {
            text.append("\nAvailable now: ").append(Math.round(share.doubleValue() * 100)).append(" % of the units");
        }
        return text.toString();
    }

    private static String join(String region, String postalCode) {
        return Stream.of(region, postalCode).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" "));
    }

    static String dollars(BigDecimal amount) {
        return NumberFormat.getCurrencyInstance(Locale.US).format(amount);
    }
}
