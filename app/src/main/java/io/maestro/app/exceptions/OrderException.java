package io.maestro.app.exceptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One reason an order needs a person or stopped moving, with the step it is at (BPMN activity id and name) and
 * since when. The reference names what to act on: a user task (with its Tasklist link), an incident, a partner
 * event, a dead letter, a job or external task being retried, a queued command refused in the end; a stalled order or one waiting for stock or for its
 * hold to be released has none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderException(String orderId, String orderStatus, Kind kind, String reason, String stepId, String stepName,
                             OffsetDateTime since, String taskId, String tasklistLink, String incidentId,
                             Long partnerEventId, Long deadLetterId, String jobId, String commandId) {

    public OrderException(String orderId, String orderStatus, Kind kind, String reason, String stepId, String stepName,
                          OffsetDateTime since, String taskId, String tasklistLink, String incidentId,
                          Long partnerEventId, Long deadLetterId) {
        this(orderId, orderStatus, kind, reason, stepId, stepName, since, taskId, tasklistLink, incidentId,
                partnerEventId, deadLetterId, null, null);
    }

    public enum Kind {
        /** An open user task: the order waits for a person. */
        USER_TASK,
        /** A job or external task that used up its retries. */
        INCIDENT,
        /** A job or external task that failed and will be tried again (a partner unreachable, bad input): not yet an incident. */
        RETRYING,
        /** A partner's message that could not be delivered to the order's process. */
        PARTNER_EVENT_FAILED,
        /** Input about the order that no route could take, waiting for an operator. */
        DEAD_LETTER,
        /** Lines that no node can take now wait for stock (a backorder, or a rerouted shipment that found no node). */
        WAITING_FOR_STOCK,
        /** A command answered 202 while queued (the process was busy) that was refused when applied: its sender must be told. */
        COMMAND_REFUSED,
        /** The order is held by an operator's command and waits for its release. */
        HELD,
        /** No status change for longer than {@code maestro.exceptions.stalled-after}, in a status that is not final. */
        STALLED
    }

    OrderException atStep(String id, String name) {
        return new OrderException(orderId, orderStatus, kind, reason, id, name, since, taskId, tasklistLink, incidentId,
                partnerEventId, deadLetterId, jobId, commandId);
    }
}
