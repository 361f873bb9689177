package io.maestro.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A ship-to whose ZIP code belongs to another state is held for an operator, as the README promises. */
@MaestroTest
class AddressMismatchHoldTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort int port;
    @Autowired TaskService tasks;
    Lifecycle lifecycle;

    @BeforeEach
    void client() {
        lifecycle = new Lifecycle(new Api(port));
    }

    @Test
    void aBrooklynNyAddressWithACaliforniaZipCodeIsHeldForReviewWithTheReasonOnTheTimeline() {
        String sku = lifecycle.skuWithStock("ZIP-TEE", Map.of("DC-OLEAN", 5));
        String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 1, Map.of("shipTo", Map.of("name", "Casey Doe",
                "line1", "10 Jay St", "city", "Brooklyn", "region", "NY", "postalCode", "90210", "country", "US"))));

        lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("ON_HOLD"));

        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(orderId).taskDefinitionKey("Task_ReviewHeldOrder")
                .count()).isEqualTo(1);
        assertThat(lifecycle.timeline(orderId)).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("ORDER_HELD");
            assertThat(e.path("reason").asText()).isEqualTo("The ship-to state does not match the postal code");
        });
    }

    @Test
    void theTourOrdersToBrooklynAndOleanAreNotHeld() {
        String sku = lifecycle.skuWithStock("ZIP-OK", Map.of("DC-OLEAN", 5));
        String brooklyn = lifecycle.place(Lifecycle.order("WEB", sku, 1, Map.of()));
        String olean = lifecycle.place(Lifecycle.order("WEB", sku, 1, Map.of("shipTo", Map.of("name", "Jo Park",
                "line1", "1 Main St", "city", "Olean", "region", "NY", "postalCode", "14760", "country", "US"))));

        for (String orderId : new String[] {brooklyn, olean}) {
            lifecycle.awaitOrder(orderId, PATIENCE, Lifecycle.status("ALLOCATED", "RELEASED", "SHIPPED", "DELIVERED",
                    "PARTIALLY_SHIPPED"));
            assertThat(lifecycle.timeline(orderId)).noneSatisfy(e ->
                    assertThat(e.path("type").asText()).isEqualTo("ORDER_HELD"));
        }
    }
}
