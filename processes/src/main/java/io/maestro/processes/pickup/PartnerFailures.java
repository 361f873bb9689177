package io.maestro.processes.pickup;

import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.partner.PartnerUnavailableException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;

/**
 * What a call to a partner does when the partner is down: before the last retry the job fails and is retried;
 * on the last one the process takes BPMN error {@code PartnerFailure} to the operator task of form
 * {@code handle-partner-failure}, with what it shows ({@code failedStep}, {@code failedPartner}, {@code partnerError})
 * and the activity to retry ({@code failedActivity}). The operator's answer is {@code operatorChoice}. A partner that
 * refused ({@link #refused}) is not asked again: BPMN error {@code PartnerRefused} at once, for the process to handle.
 */
public final class PartnerFailures {

    public static final String ERROR_CODE = "PartnerFailure";
    public static final String REFUSED = "PartnerRefused";

    private PartnerFailures() {
    }

    public static BpmnError escalateOrRetry(DelegateExecution execution, PartnerUnavailableException e, String step,
                                            String partner) {
        JobExecutorContext job = Context.getJobExecutorContext();
        boolean lastAttempt = job == null || job.getCurrentJob() == null || job.getCurrentJob().getRetries() <= 1;
        if (!lastAttempt) {
            throw e;
        }
        describe(execution, step, partner, e.getMessage());
        execution.setVariable("partnerRefused", false);
        execution.removeVariable("partnerStatus");
        return new BpmnError(ERROR_CODE, e.getMessage());
    }

    /** The partner's answer was no ({@code partnerStatus}, {@code partnerError} in its words): BPMN error {@code PartnerRefused}. */
    public static BpmnError refused(DelegateExecution execution, PartnerRefusedException e, String step, String partner) {
        describe(execution, step, partner, e.getMessage());
        execution.setVariable("partnerRefused", true);
        execution.setVariable("partnerStatus", e.status());
        return new BpmnError(REFUSED, e.getMessage());
    }

    private static void describe(DelegateExecution execution, String step, String partner, String error) {
        execution.setVariable("failedActivity", execution.getCurrentActivityId());
        execution.setVariable("failedStep", step);
        execution.setVariable("failedPartner", partner);
        execution.setVariable("partnerError", error);
    }
}
