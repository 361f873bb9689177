package io.maestro.processes.shipment;

import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.partner.PartnerUnavailableException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call to a partner from an asynchronous service task with a retry cycle. While retries are left a
 * {@link PartnerUnavailableException} fails the job (the engine tries again later); on the last attempt it becomes
 * BPMN error {@code PartnerFailure} for an operator, with what the form {@code handle-partner-failure} shows:
 * {@code orderId}, {@code nodeId}, {@code failedStep}, {@code failedPartner} and {@code partnerAttempts} (an earlier
 * operator choice is cleared, so the operator decides afresh). A {@link PartnerRefusedException} is the partner's
 * answer: never retried, it becomes BPMN error {@code PartnerRefused} at once, with the same variables and
 * {@code partnerRefused}, {@code partnerStatus}.
 */
final class PartnerCalls {

    static final String PARTNER_FAILURE = "PartnerFailure";
    static final String PARTNER_REFUSED = "PartnerRefused";
    private static final Pattern REPETITIONS = Pattern.compile("^R(\\d+)/");

    private PartnerCalls() {
    }

    static <T> T call(DelegateExecution execution, ShipmentInProcess s, String step, String partner, Supplier<T> call) {
        try {
            return call.get();
        } catch (PartnerRefusedException e) {
            throw refusal(execution, s, step, partner, e);
        } catch (PartnerUnavailableException e) {
            if (!lastAttempt()) {
                throw e;
            }
            describe(execution, s, step, partner);
            execution.setVariable("partnerAttempts", attempts(execution));
            execution.setVariable("partnerRefused", false);
            execution.removeVariable("partnerStatus");
            throw new BpmnError(PARTNER_FAILURE, e.getMessage());
        }
    }

    /** The partner's refusal as BPMN error {@code PartnerRefused}, with what the timeline and the form show. */
    static BpmnError refusal(DelegateExecution execution, ShipmentInProcess s, String step, String partner,
                             PartnerRefusedException e) {
        describe(execution, s, step, partner);
        execution.setVariable("partnerAttempts", 1);
        execution.setVariable("partnerRefused", true);
        execution.setVariable("partnerStatus", e.status());
        return new BpmnError(PARTNER_REFUSED, e.getMessage());
    }

    private static void describe(DelegateExecution execution, ShipmentInProcess s, String step, String partner) {
        execution.removeVariable("operatorChoice");
        execution.removeVariable("operatorComment");
        execution.setVariable("orderId", s.orderId());
        execution.setVariable("nodeId", s.shipment().nodeId());
        execution.setVariable("failedStep", step);
        execution.setVariable("failedPartner", partner);
    }

    static void run(DelegateExecution execution, ShipmentInProcess s, String step, String partner, Runnable call) {
        call(execution, s, step, partner, () -> {
            call.run();
            return null;
        });
    }

    /**
     * The job executor's job counts its retries down to 1 on its last attempt. A job run by hand (no job
     * executor context) has no retry to wait for, so it is treated as the last attempt.
     */
    private static boolean lastAttempt() {
        JobExecutorContext jobExecutor = Context.getJobExecutorContext();
        JobEntity job = jobExecutor != null ? jobExecutor.getCurrentJob() : null;
        return job == null || job.getRetries() <= 1;
    }

    /** How many attempts the task's retry cycle allows (R3/PT10S: 3). */
    private static int attempts(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        if (element != null && element.getExtensionElements() != null) {
            for (CamundaFailedJobRetryTimeCycle cycle : element.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaFailedJobRetryTimeCycle.class).list()) {
                Matcher m = REPETITIONS.matcher(cycle.getTextContent().trim());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return 3;
    }
}
