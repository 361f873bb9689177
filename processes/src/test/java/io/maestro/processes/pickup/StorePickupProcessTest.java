package io.maestro.processes.pickup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.maestro.processes.PartnerStepCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of store-pickup with the real pickup-exception and take-back-refused DMNs; delegates stand in as lambdas that record their calls. */
@Deployment(resources = {"bpmn/store-pickup.bpmn", "dmn/pickup-exception.dmn", "dmn/take-back-refused.dmn"})
class StorePickupProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private static final String ORDER = "ORD-1";
    private static final String PICKUP_SHIPMENT = "ORD-1-a-1";

    final List<String> calls = new ArrayList<>();
    final Set<String> partnerDown = new HashSet<>();
    /** Delegates that find their shipment closed (cancelled, rejected) when they run. */
    final Set<String> shipmentClosed = new HashSet<>();
    /** Delegates that find the order held by an operator (as long as they are in here). */
    final Set<String> held = new HashSet<>();
    /** Delegates that answer with a partner's refusal (status) on their next call. */
    final Map<String, Integer> partnerRefuses = new HashMap<>();
    /** What the timeline listeners were asked to write. */
    final List<String> timeline = new ArrayList<>();
    final Map<String, Object> options = new HashMap<>();

    @BeforeEach
    void delegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        register("preparePickup", e -> {
            e.setVariable("pickupReminderAfter", "P3D");
            e.setVariable("pickupNoShowAfter", "P7D");
            e.setVariable("backorderRetry", "PT1H");
            e.setVariable("transferArrivalWithin", "P3D");
            e.setVariable("offerAnswerWithin", "P1D");
        });
        register("recordStoreShortage", e -> {
            e.setVariable("situation", "STORE_SHORT");
            e.setVariables(options);
        });
        register("recordStoreRejection", e -> {
            e.setVariable("situation", "STORE_REJECTED");
            e.setVariables(options);
        });
        register("recordNoShow", e -> {
            e.setVariable("situation", "NO_SHOW");
            e.setVariable("transferPossible", false);
            e.setVariable("otherStoreNearby", false);
        });
        register("releaseToStore", e -> e.setVariable("shipmentId", PICKUP_SHIPMENT));
        register("releaseTransfer", e -> { });
        register("withdrawPickupShipment", e -> e.setVariable("takeBackKind",
                Objects.equals(e.getVariable("shipmentId"), e.getVariable("transferShipmentId")) ? "TRANSFER" : "PICKUP"));
        Mocks.register("partnerEventHandOver", (ExecutionListener) e -> { });
        Mocks.register("recordPartnerFailure", (ExecutionListener) e -> timeline.add("failure at " + e.getCurrentActivityId()));
        Mocks.register("recordPartnerRefusal", (ExecutionListener) e -> timeline.add("refusal at " + e.getCurrentActivityId()));
        register("planTransfer", e -> {
            e.setVariable("transferShipmentId", "ORD-1-T2");
            e.setVariable("shipmentId", "ORD-1-T2");
        });
        register("receiveTransfer", e -> {
            e.setVariable("shipmentIds", "ORD-1-P2");
            e.setVariable("shipmentId", "ORD-1-P2");
        });
        for (String bean : List.of("recordStoreAccepted", "notifyReadyForPickup", "remindPickup", "recordPickedUp",
                "offerOtherStore", "switchPickupStore", "backorderAtStore", "cancelPickup")) {
            register(bean, e -> { });
        }
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    /** A stand-in delegate that records its call, and fails like a partner down on its last retry when asked to. */
    private void register(String bean, JavaDelegate behaviour) {
        Mocks.register(bean, (JavaDelegate) e -> {
            calls.add(bean);
            if (partnerDown.remove(bean)) {
                e.setVariable("failedActivity", e.getCurrentActivityId());
                throw new BpmnError(PartnerFailures.ERROR_CODE, bean + " partner down");
            }
            if (held.contains(bean)) {
                throw new BpmnError("OrderHeld", "order ORD-1 is held");
            }
            if (shipmentClosed.remove(bean)) {
                throw new BpmnError(PartnerStepCheck.SHIPMENT_CLOSED, bean + ": the shipment is CANCELLED");
            }
            behaviour.execute(e);
            Integer refusal = partnerRefuses.remove(bean);
            if (refusal != null) {
                e.setVariable("partnerStatus", refusal);
                throw new BpmnError(PartnerFailures.REFUSED, "node type STORE refused (" + refusal + "): ORD-1-a-1 has left ST-MAN");
            }
        });
    }

    @Test
    void bopisIsAcceptedReadyAndPickedUp() {
        ProcessInstance pi = start("BOPIS");
        reservedAtStore(pi, true);
        releasedToStore(pi);

        correlate("ShipmentAccepted", Map.of());
        assertThat(pi).hasPassed("Task_RecordStoreAccepted").isWaitingAt("Gateway_StoreAnswer");
        correlate("ReadyForPickup", Map.of("pickupCode", "4711"));
        assertThat(pi).isWaitingAt("CatchEvent_PickedUp");
        correlate("PickedUp", Map.of());

        assertThat(pi).isEnded().hasPassed("Task_NotifyReadyForPickup", "Task_RecordPickedUp", "EndEvent_PickedUp");
        assertThat(calls).containsSubsequence("releaseToStore", "recordStoreAccepted", "notifyReadyForPickup",
                "recordPickedUp");
    }

    @Test
    void curbsideIsHandedOverWhenTheCodeMatchesAfterAReminder() {
        ProcessInstance pi = start("CURBSIDE");
        reservedAtStore(pi, true);
        releasedToStore(pi);
        correlate("ReadyForPickup", Map.of("pickupCode", "4711"));
        execute(job("BoundaryEvent_PickupReminder"));
        assertThat(pi).hasPassed("Task_RemindCustomer", "EndEvent_Reminded");

        correlate("CustomerArrived", Map.of());
        assertThat(pi).isWaitingAt("Task_CurbsideHandover");
        assertThat(task()).hasCandidateGroup("store-associate");
        complete(task(), Map.of("enteredPickupCode", "1234", "bay", "3"));
        assertThat(pi).as("a wrong code is checked again").isWaitingAt("Task_CurbsideHandover");
        complete(task(), Map.of("enteredPickupCode", "4711", "bay", "3"));

        assertThat(pi).isEnded().hasPassed("EndEvent_HandedOver", "Task_RecordPickedUp");
        assertThat(calls).contains("remindPickup").doesNotContain("cancelPickup");
    }

    @Test
    void aNoShowIsRemindedThenCancelledByTheDecisionAndWithdrawnAtTheStore() {
        ProcessInstance pi = start("BOPIS");
        reservedAtStore(pi, true);
        releasedToStore(pi);
        correlate("ReadyForPickup", Map.of("pickupCode", "4711"));
        execute(job("BoundaryEvent_PickupReminder"));
        execute(job("BoundaryEvent_PickupNoShow"));
        assertThat(pi).hasPassed("Task_RecordNoShow").isWaitingAt("Task_WithdrawFromNode");
        assertThat(pi).variables().containsEntry("pickupAction", "CANCEL").containsEntry("cancelReason", "DECIDED");
        execute(job());

        assertThat(pi).isEnded().hasPassed("Task_CancelPickup", "EndEvent_PickupCancelled");
        assertThat(calls).containsSubsequence("remindPickup", "recordNoShow", "withdrawPickupShipment", "cancelPickup");
    }

    @Test
    void aPickupShipmentClosedBeforeItsReleaseEndsThePickupWithoutCallingTheStore() {
        ProcessInstance pi = start("BOPIS");
        reservedAtStore(pi, true);
        shipmentClosed.add("releaseToStore");
        execute(job());

        assertThat(pi).hasPassed("BoundaryEvent_StoreReleaseNotNeeded", "EndEvent_PickupShipmentClosed").isEnded();
    }

    @Test
    void aTransferClosedBeforeItsReleaseEndsThePickupWithoutCallingTheSource() {
        ProcessInstance pi = start("BOPIS");
        options.putAll(Map.of("transferPossible", true, "otherStoreNearby", false));
        noStockAtStore(pi);
        assertThat(pi).isWaitingAt("Task_ReleaseTransfer");
        shipmentClosed.add("releaseTransfer");
        execute(job());

        assertThat(pi).hasPassed("BoundaryEvent_TransferReleaseNotNeeded", "EndEvent_TransferClosed").isEnded();
    }

    @Test
    void aHeldPickupIsNotReleasedToTheStoreUntilTheHoldIsReleasedLookingAgainEveryMinute() {
        ProcessInstance pi = start("BOPIS");
        reservedAtStore(pi, true);
        held.add("releaseToStore");
        execute(job());
        assertThat(pi).hasPassed("BoundaryEvent_StoreReleaseHeld").isWaitingAt("Task_AwaitReleaseBeforeStore");

        execute(job("BoundaryEvent_RecheckHoldBeforeStore"));
        execute(job());
        assertThat(pi).hasPassed("BoundaryEvent_RecheckHoldBeforeStore").isWaitingAt("Task_AwaitReleaseBeforeStore");

        held.clear();
        runtimeService().createMessageCorrelation("OrderHoldReleased").processInstanceBusinessKey(ORDER).correlateAll();
        releasedToStore(pi);
        assertThat(calls.stream().filter("releaseToStore"::equals)).as("held twice, then released").hasSize(3);
    }

    @Test
    void aHeldPickupsTransferIsNotReleasedToItsSourceUntilTheHoldIsReleased() {
        ProcessInstance pi = start("BOPIS");
        options.putAll(Map.of("transferPossible", true, "otherStoreNearby", false));
        noStockAtStore(pi);
        held.add("releaseTransfer");
        execute(job());
        assertThat(pi).hasPassed("BoundaryEvent_TransferReleaseHeld").isWaitingAt("Task_AwaitReleaseBeforeTransfer");

        execute(job("BoundaryEvent_RecheckHoldBeforeTransfer"));
        execute(job());
        assertThat(pi).hasPassed("BoundaryEvent_RecheckHoldBeforeTransfer").isWaitingAt("Task_AwaitReleaseBeforeTransfer");

        held.clear();
        runtimeService().createMessageCorrelation("OrderHoldReleased").processInstanceBusinessKey(ORDER).correlateAll();
        execute(job());
        assertThat(pi).isWaitingAt("Gateway_TransferArrival");
    }

    @Test
    void aStoreWithoutStockGetsATransferThatArrives() {
        ProcessInstance pi = start("BOPIS");
        options.putAll(Map.of("transferPossible", true, "otherStoreNearby", false));
        noStockAtStore(pi);
        assertThat(pi).variables().containsEntry("pickupAction", "TRANSFER_TO_STORE");
        assertThat(pi).isWaitingAt("Task_ReleaseTransfer");
        execute(job());
        assertThat(pi).isWaitingAt("Gateway_TransferArrival");

        correlate("ShipmentDelivered", Map.of());
        assertThat(pi).hasPassed("Task_ReceiveTransfer").isWaitingAt("Task_ReleaseToStore");
        execute(job());
        correlate("ReadyForPickup", Map.of("pickupCode", "4711"));
        correlate("PickedUp", Map.of());

        assertThat(pi).isEnded().hasPassed("EndEvent_PickedUp");
        assertThat(calls).containsSubsequence("recordStoreShortage", "planTransfer", "releaseTransfer", "receiveTransfer",
                "releaseToStore", "recordPickedUp");
    }

    @Test
    void anOverdueTransferIsWithdrawnAndThePickupCancelled() {
        ProcessInstance pi = start("BOPIS");
        options.putAll(Map.of("transferPossible", true, "otherStoreNearby", false));
        noStockAtStore(pi);
        execute(job());
        execute(job("CatchEvent_TransferOverdue"));
        execute(job());

        assertThat(pi).isEnded().hasPassed("Task_WithdrawFromNode", "EndEvent_PickupCancelled");
        assertThat(pi).variables().containsEntry("cancelReason", "TRANSFER_OVERDUE");
    }

    @Test
    void aPartialReservationOffersAVipAnotherStoreWhichTheyAccept() {
        ProcessInstance pi = start("BOPIS", "VIP");
        options.putAll(Map.of("transferPossible", true, "otherStoreNearby", true, "alternativeStoreId", "ST-BKN"));
        reservedAtStore(pi, false);
        assertThat(pi).hasPassed("Task_RecordStoreShortage", "Task_OfferOtherStore");
        assertThat(pi).variables().containsEntry("pickupAction", "OFFER_OTHER_STORE");

        correlate("PickupStoreOfferAnswered", Map.of("accepted", true));

        assertThat(pi).hasPassed("Task_SwitchPickupStore").isWaitingAt("Task_ReserveAtStore");
        reservedAtStore(pi, true);
        assertThat(pi).isWaitingAt("Task_ReleaseToStore");
    }

    @Test
    void aDeclinedOfferCancelsThePickup() {
        ProcessInstance pi = offerMade();
        correlate("PickupStoreOfferAnswered", Map.of("accepted", false));
        execute(job());

        assertThat(pi).isEnded().hasPassed("Task_CancelPickup").hasNotPassed("Task_SwitchPickupStore");
        assertThat(pi).variables().containsEntry("cancelReason", "OFFER_DECLINED");
    }

    @Test
    void anUnansweredOfferCancelsThePickup() {
        ProcessInstance pi = offerMade();
        execute(job("CatchEvent_OfferUnanswered"));
        execute(job());

        assertThat(pi).isEnded().hasPassed("Task_CancelPickup");
        assertThat(pi).variables().containsEntry("cancelReason", "OFFER_UNANSWERED");
    }

    @Test
    void aRejectionWithNoAlternativeIsBackorderedUntilStockComes() {
        ProcessInstance pi = start("BOPIS");
        reservedAtStore(pi, true);
        releasedToStore(pi);
        options.putAll(Map.of("transferPossible", false, "otherStoreNearby", false));
        correlate("ShipmentRejected", Map.of("reason", "display stock damaged"));

        assertThat(pi).hasPassed("Task_RecordStoreRejection", "Task_BackorderAtStore");
        assertThat(pi).variables().containsEntry("situation", "STORE_REJECTED").containsEntry("pickupAction", "BACKORDER");
        correlate("InventoryAvailable", Map.of());

        assertThat(pi).isWaitingAt("Task_ReserveAtStore");
        assertThat(calls).doesNotContain("switchPickupStore", "planTransfer");
    }

    @Test
    void aBackorderTriesAgainWhenItsRetryTimeComes() {
        ProcessInstance pi = start("BOPIS");
        options.putAll(Map.of("transferPossible", false, "otherStoreNearby", false));
        noStockAtStore(pi);
        assertThat(pi).isWaitingAt("Gateway_BackorderWait");
        execute(job("CatchEvent_BackorderRetryDue"));

        assertThat(pi).isWaitingAt("Task_ReserveAtStore");
    }

    @Test
    void aStoreThatStaysUnreachableGoesToAnOperatorWhoRetries() {
        ProcessInstance pi = start("BOPIS");
        reservedAtStore(pi, true);
        partnerDown.add("releaseToStore");
        execute(job());
        assertThat(pi).isWaitingAt("Task_HandlePartnerFailure");
        assertThat(task()).hasCandidateGroup("operator");
        assertThat(pi).variables().containsEntry("failedActivity", "Task_ReleaseToStore");

        complete(task(), Map.of("operatorChoice", "RETRY"));
        execute(job());

        assertThat(pi).isWaitingAt("Gateway_StoreAnswer");
    }

    @Test
    void anOperatorReroutesAnUnreachableStoreThroughTheDecision() {
        ProcessInstance pi = start("BOPIS");
        reservedAtStore(pi, true);
        partnerDown.add("releaseToStore");
        execute(job());
        options.putAll(Map.of("transferPossible", true, "otherStoreNearby", true, "alternativeStoreId", "ST-BKN"));
        complete(task(), Map.of("operatorChoice", "REROUTE"));

        assertThat(pi).hasPassed("Task_RecordStoreRejection", "Task_OfferOtherStore");
        assertThat(pi).variables().containsEntry("pickupAction", "OFFER_OTHER_STORE");
    }

    @Test
    void anOperatorCancelsWhenTheStoreStaysUnreachable() {
        ProcessInstance pi = start("BOPIS");
        reservedAtStore(pi, true);
        partnerDown.add("releaseToStore");
        execute(job());
        complete(task(), Map.of("operatorChoice", "CANCEL_SHIPMENT"));

        assertThat(pi).isEnded().hasPassed("Task_CancelPickup").hasNotPassed("Task_WithdrawFromNode");
        assertThat(pi).variables().containsEntry("cancelReason", "OPERATOR");
    }

    @Test
    void anOperatorRetriesATransferReleaseThatFailed() {
        ProcessInstance pi = start("BOPIS");
        options.putAll(Map.of("transferPossible", true, "otherStoreNearby", false));
        noStockAtStore(pi);
        partnerDown.add("releaseTransfer");
        execute(job());
        assertThat(pi).variables().containsEntry("failedActivity", "Task_ReleaseTransfer");
        complete(task(), Map.of("operatorChoice", "RETRY"));
        execute(job());

        assertThat(pi).isWaitingAt("Gateway_TransferArrival");
    }

    @Test
    void anOperatorRetriesAWithdrawalThatFailed() {
        ProcessInstance pi = offerMade();
        correlate("PickupStoreOfferAnswered", Map.of("accepted", false));
        partnerDown.add("withdrawPickupShipment");
        execute(job());
        assertThat(pi).variables().containsEntry("failedActivity", "Task_WithdrawFromNode");
        complete(task(), Map.of("operatorChoice", "RETRY"));
        execute(job());

        assertThat(pi).isEnded().hasPassed("Task_CancelPickup");
    }

    @Test
    void aNoShowPickupTheStoreSaysHasLeftIsFoundByAnAssociateAndPutBackThenCancelled() {
        ProcessInstance pi = noShowTakeBackRefused(409);
        assertThat(pi).hasPassed("BoundaryEvent_WithdrawRefused", "Task_DecideTakeBack").isWaitingAt("Task_CheckGoodsAtStore");
        assertThat(pi).variables().containsEntry("takeBackAction", "STORE_TASK").containsEntry("takeBackKind", "PICKUP")
                .containsEntry("partnerError", "node type STORE refused (409): ORD-1-a-1 has left ST-MAN");
        assertThat(task()).hasCandidateGroup("store-associate");
        assertThat(timeline).containsExactly("refusal at BoundaryEvent_WithdrawRefused");

        complete(task(), Map.of("storeFinding", "PUT_BACK", "storeNote", "on the pickup shelf"));

        assertThat(pi).isEnded().hasPassed("Gateway_GoodsFound", "Task_CancelPickup", "EndEvent_PickupCancelled");
        assertThat(calls.stream().filter("withdrawPickupShipment"::equals)).as("a refusal is not asked again").hasSize(1);
    }

    @Test
    void aNoShowPickupTheAssociateSaysWasHandedOverIsPickedUp() {
        ProcessInstance pi = noShowTakeBackRefused(409);

        complete(task(), Map.of("storeFinding", "HANDED_OVER", "storeNote", "till receipt 4711"));

        assertThat(pi).isEnded().hasPassed("Task_RecordPickedUp", "EndEvent_PickedUp").hasNotPassed("Task_CancelPickup");
    }

    @Test
    void aPickupLeftAfterADeclinedOfferIsTreatedAsHandedOver() {
        ProcessInstance pi = start("BOPIS");
        reservedAtStore(pi, true);
        releasedToStore(pi);
        options.putAll(Map.of("transferPossible", false, "otherStoreNearby", true, "alternativeStoreId", "ST-BKN"));
        correlate("ShipmentRejected", Map.of("reason", "no staff"));
        correlate("PickupStoreOfferAnswered", Map.of("accepted", false));
        partnerRefuses.put("withdrawPickupShipment", 409);
        execute(job());

        assertThat(pi).variables().containsEntry("takeBackAction", "HANDED_OVER");
        assertThat(pi).isEnded().hasPassed("Task_RecordPickedUp", "EndEvent_PickedUp").hasNotPassed("Task_CheckGoodsAtStore");
    }

    @Test
    void aNodeThatHoldsNothingHasNothingToTakeBackAndThePickupIsCancelled() {
        ProcessInstance pi = noShowTakeBackRefused(404);

        assertThat(pi).variables().containsEntry("takeBackAction", "NOTHING_HELD");
        assertThat(pi).isEnded().hasPassed("Task_CancelPickup", "EndEvent_PickupCancelled");
    }

    @Test
    void aReleaseTheStoreRefusesIsHandledLikeItsRejection() {
        ProcessInstance pi = start("BOPIS");
        reservedAtStore(pi, true);
        options.putAll(Map.of("transferPossible", true, "otherStoreNearby", false));
        partnerRefuses.put("releaseToStore", 422);
        execute(job());

        assertThat(pi).hasPassed("BoundaryEvent_StoreReleaseRefused", "Task_RecordStoreRejection")
                .isWaitingAt("Task_ReleaseTransfer");
        assertThat(pi).variables().containsEntry("pickupAction", "TRANSFER_TO_STORE");
        assertThat(timeline).containsExactly("refusal at BoundaryEvent_StoreReleaseRefused");
    }

    @Test
    void aTransferTheSourceRefusesGoesToAnOperatorAtOnce() {
        ProcessInstance pi = start("BOPIS");
        options.putAll(Map.of("transferPossible", true, "otherStoreNearby", false));
        noStockAtStore(pi);
        partnerRefuses.put("releaseTransfer", 409);
        execute(job());

        assertThat(pi).hasPassed("BoundaryEvent_TransferReleaseRefused").isWaitingAt("Task_HandlePartnerFailure");
        assertThat(timeline).containsExactly("refusal at BoundaryEvent_TransferReleaseRefused",
                "failure at Task_HandlePartnerFailure");
        complete(task(), Map.of("operatorChoice", "CANCEL"));
        assertThat(pi).isEnded().hasPassed("Task_CancelPickup");
    }

    /** Ready at the store, not collected: the no-show decision cancels and the store refuses the take-back. */
    private ProcessInstance noShowTakeBackRefused(int status) {
        ProcessInstance pi = start("BOPIS");
        reservedAtStore(pi, true);
        releasedToStore(pi);
        correlate("ReadyForPickup", Map.of("pickupCode", "4711"));
        execute(job("BoundaryEvent_PickupNoShow"));
        partnerRefuses.put("withdrawPickupShipment", status);
        execute(job());
        return pi;
    }

    private ProcessInstance offerMade() {
        ProcessInstance pi = start("BOPIS");
        options.putAll(Map.of("transferPossible", false, "otherStoreNearby", true, "alternativeStoreId", "ST-BKN"));
        noStockAtStore(pi);
        assertThat(pi).isWaitingAt("Gateway_OfferAnswer");
        return pi;
    }

    private ProcessInstance start(String deliveryOption) {
        return start(deliveryOption, "STANDARD");
    }

    private ProcessInstance start(String deliveryOption, String tier) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("store-pickup", ORDER, Map.of("orderId", ORDER,
                "pickupNodeId", "ST-MAN", "deliveryOption", deliveryOption, "customerTier", tier));
        assertThat(pi).isWaitingAt("Task_ReserveAtStore").externalTask().hasTopicName("allocate-order");
        return pi;
    }

    private void reservedAtStore(ProcessInstance pi, boolean fully) {
        complete(BpmnAwareTests.externalTask(pi), Map.of("shipmentIds", PICKUP_SHIPMENT, "fullyAllocated", fully,
                "shipmentCount", 1));
    }

    private void noStockAtStore(ProcessInstance pi) {
        List<LockedExternalTask> locked = externalTaskService().fetchAndLock(1, "test").topic("allocate-order", 60_000)
                .execute();
        externalTaskService().handleBpmnError(locked.get(0).getId(), "test", "NoFeasibleAllocation",
                "ST-MAN has 0 of 2", Map.of("allocationFailureReason", "ST-MAN has 0 of 2"));
        assertThat(pi).hasPassed("BoundaryEvent_StoreHasNoStock", "Task_RecordStoreShortage",
                "BusinessRule_DecidePickupException");
    }

    private void releasedToStore(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Task_ReleaseToStore");
        execute(job());
        assertThat(pi).isWaitingAt("Gateway_StoreAnswer");
    }

    private void correlate(String message, Map<String, Object> payload) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(ORDER).setVariables(payload)
                .correlate();
    }
}
