package io.maestro.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A task in Tasklist names its order, customer and value; a VIP's comes first and is due sooner. */
@MaestroTest
class TaskLabelsTest {

    @LocalServerPort int port;
    @Autowired TaskService tasks;

    @Test
    void aVipsHeldOrderWaitsAsANamedTaskWithHighPriorityAndADueDate() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String sku = lifecycle.skuWithStock("LABEL-TEE", Map.of("DC-OLEAN", 40));
        Instant before = Instant.now();
        String orderId = lifecycle.place(Lifecycle.order("WEB", sku, 30, Map.of("customer",
                Map.of("id", "C-VIP-9", "tier", "VIP", "email", "vip9@example.com"))));
        lifecycle.awaitOrder(orderId, Duration.ofSeconds(90), Lifecycle.status("ON_HOLD"));

        Task task = tasks.createTaskQuery().processInstanceBusinessKey(orderId).singleResult();
        assertThat(task.getName()).isEqualTo("Review held order · " + orderId + " · C-VIP-9 (VIP) · $597.00");
        assertThat(task.getPriority()).isEqualTo(80);
        assertThat(task.getDueDate().toInstant()).isAfter(before.plus(Duration.ofHours(1)))
                .isBefore(Instant.now().plus(Duration.ofHours(2)).plusSeconds(1));
        // What the held-order review shows: contact, the ship-to address a mismatch hold is about, lines, money in USD.
        assertThat((String) tasks.getVariableLocal(task.getId(), "orderFacts")).isEqualTo(String.join("\n",
                "Customer: C-VIP-9 (VIP), vip9@example.com",
                "Ship to: Casey Doe, 10 Jay St, Brooklyn, NY 11201, US",
                "Lines:",
                "  1. 30 × " + sku + " at $19.90 = $597.00",
                "Order total: $597.00 (USD)"));
    }
}
