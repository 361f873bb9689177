package io.maestro.decisions;

import static io.maestro.decisions.DmnFile.DMN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The names the processes pass and read (notes: DECISIONS-CONTRACT.md): ids, hit policies, input and output names
 * and types. An analyst may change rules freely, but renaming one of these breaks a process.
 */
class DecisionContractTest {

    static final List<String> DECISION_IDS = List.of("fulfillment-policy", "order-screening", "node-eligibility",
            "stock-protection", "carrier-selection", "exception-handling", "pickup-exception", "shipment-delay",
            "return-disposition", "take-back-refused", "replenishment-policy");

    @Test
    void fulfillmentPolicy() {
        assertContract("fulfillment-policy", "FIRST",
                "channel:string customerTier:string preference:string deliveryOption:string destinationRegion:string "
                        + "shipComplete:boolean orderValue:double",
                "costWeight:double speedWeight:double carbonWeight:double maxShipments:integer splitAllowed:boolean "
                        + "shipFromStoreAllowed:boolean carbonPricePerKg:double promiseDays:integer serviceUpgrade:boolean "
                        + "consolidate:boolean");
    }

    @Test
    void orderScreening() {
        assertContract("order-screening", "FIRST",
                "orderValue:double customerTier:string channel:string lineCount:integer maxLineQuantity:integer "
                        + "addressMismatch:boolean",
                "hold:boolean holdReason:string");
    }

    @Test
    void nodeEligibility() {
        assertContract("node-eligibility", "COLLECT",
                "channel:string deliveryOption:string destinationRegion:string customerTier:string",
                "eligibleNodeType:string");
    }

    @Test
    void stockProtection() {
        assertContract("stock-protection", "COLLECT", "category:string nodeType:string",
                "protectedChannel:string protectedPercent:double safetyStock:integer");
    }

    @Test
    void carrierSelection() {
        assertContract("carrier-selection", "FIRST",
                "promiseDays:integer hazmat:boolean oversize:boolean customerTier:string serviceUpgrade:boolean",
                "carrier:string service:string maxService:string licenceRequired:boolean freeUpgrade:boolean reason:string");
    }

    @Test
    void exceptionHandling() {
        assertContract("exception-handling", "FIRST",
                "situation:string shipComplete:boolean fillRate:double customerTier:string orderValue:double "
                        + "backorderAttempts:integer daysUntilPromise:integer",
                "action:string reason:string");
    }

    @Test
    void pickupException() {
        assertContract("pickup-exception", "FIRST",
                "situation:string transferPossible:boolean otherStoreNearby:boolean customerTier:string",
                "action:string reason:string");
    }

    @Test
    void takeBackRefused() {
        assertContract("take-back-refused", "FIRST", "takeBackKind:string partnerStatus:integer situation:string",
                "action:string reason:string");
    }

    @Test
    void shipmentDelay() {
        assertContract("shipment-delay", "FIRST",
                "delayDays:integer leftNode:boolean customerTier:string deliveryOption:string",
                "action:string notifyCustomer:boolean reason:string");
    }

    @Test
    void returnDisposition() {
        assertContract("return-disposition", "FIRST",
                "condition:string receivingNodeType:string category:string daysSincePurchase:integer",
                "disposition:string reason:string");
    }

    @Test
    void replenishmentPolicy() {
        assertContract("replenishment-policy", "FIRST", "nodeType:string category:string abcClass:string",
                "replenish:boolean reviewDays:integer leadTimeDays:integer serviceLevel:double minOrderQuantity:integer "
                        + "packSize:integer autoApproveUnits:integer reason:string");
    }

    private static void assertContract(String decisionId, String hitPolicy, String inputs, String outputs) {
        DmnFile file = DmnFile.read(DmnFile.MODULE_ROOT.resolve(decisionId + ".dmn"));
        assertThat(file.elements(DMN, "decision")).extracting(d -> d.getAttribute("id")).containsExactly(decisionId);
        assertThat(file.elements(DMN, "decisionTable").get(0).getAttribute("hitPolicy")).isEqualTo(hitPolicy);

        Map<String, String> actualInputs = new LinkedHashMap<>();
        for (Element expression : file.elements(DMN, "inputExpression")) {
            actualInputs.put(DmnFile.text(expression), expression.getAttribute("typeRef"));
        }
        Map<String, String> actualOutputs = new LinkedHashMap<>();
        for (Element output : file.elements(DMN, "output")) {
            actualOutputs.put(output.getAttribute("name"), output.getAttribute("typeRef"));
        }
        assertThat(actualInputs).as("inputs of %s", decisionId).containsExactlyEntriesOf(namesAndTypes(inputs));
        assertThat(actualOutputs).as("outputs of %s", decisionId).containsExactlyEntriesOf(namesAndTypes(outputs));
    }

    private static Map<String, String> namesAndTypes(String spec) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String nameAndType : spec.split(" ")) {
            String[] parts = nameAndType.split(":");
            result.put(parts[0], parts[1]);
        }
        return result;
    }
}
