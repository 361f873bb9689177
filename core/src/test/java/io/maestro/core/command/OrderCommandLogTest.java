package io.maestro.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.network.NetworkService;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Stored commands, holds and line cancellations on the real schema. */
@SpringBootTest
class OrderCommandLogTest {

    @Autowired OrderCommandLog commands;
    @Autowired OrderHolds holds;
    @Autowired LineCancellations cancellations;
    @Autowired OrderIntake intake;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;
    String orderId;

    @BeforeEach
    void order() {
        DomainTables.empty(jdbc);
        TestData.seed(network, catalog);
        orderId = intake.accept(TestData.order("W-CMD"), "web").order().orderId();
    }

    @Test
    void aCommandIdSentAgainWithTheSameContentFindsTheStoredCommandWhateverTheKeyOrder() {
        OrderCommandLog.Received first = commands.receive("c-1", orderId, CommandType.CANCEL,
                Map.of("reason", "customer called", "extra", 1), "operator");
        OrderCommandLog.Received again = commands.receive("c-1", orderId, CommandType.CANCEL,
                new TreeMap<>(Map.of("extra", 1, "reason", "customer called")), "operator");

        assertThat(first.first()).isTrue();
        assertThat(again.first()).isFalse();
        assertThat(again.command()).isEqualTo(first.command());
        assertThat(first.command().status()).isEqualTo(CommandStatus.RECEIVED);
        assertThat(first.command().payload()).isEqualTo("{\"extra\":1,\"reason\":\"customer called\"}");
    }

    @Test
    void aCommandIdSentAgainWithOtherContentIsRefusedNamingIt() {
        commands.receive("c-1", orderId, CommandType.CANCEL, Map.of("reason", "customer called"), "operator");

        assertThatThrownBy(() -> commands.receive("c-1", orderId, CommandType.CANCEL, Map.of("reason", "other"), "operator"))
                .isInstanceOf(CommandIdConflictException.class).hasMessageContaining("c-1");
        assertThatThrownBy(() -> commands.receive("c-1", orderId, CommandType.HOLD, Map.of("reason", "customer called"),
                "operator")).isInstanceOf(CommandIdConflictException.class);
    }

    @Test
    void aDecidedCommandKeepsItsOutcomeAndLeavesTheWaitingOnes() {
        String applied = commands.receive(null, orderId, CommandType.HOLD, Map.of("reason", "check"), "operator")
                .command().commandId();
        String waiting = commands.receive(null, orderId, CommandType.RELEASE, Map.of(), "operator").command().commandId();

        commands.decide(applied, CommandStatus.APPLIED, "on hold: check");

        assertThat(commands.find(applied).orElseThrow()).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CommandStatus.APPLIED);
            assertThat(c.reason()).isEqualTo("on hold: check");
            assertThat(c.decidedAt()).isNotNull();
        });
        assertThat(commands.lockReceived(applied)).isEmpty();
        assertThat(commands.waiting(OffsetDateTime.now().plusSeconds(1), 10)).containsExactly(waiting);
        assertThat(commands.anyApplied(orderId, CommandType.HOLD)).isTrue();
        assertThat(commands.lockAndCheckCancelled(orderId)).isFalse();
        assertThat(commands.ofOrder(orderId)).extracting(OrderCommand::commandId).containsExactlyInAnyOrder(applied, waiting);
    }

    @Test
    void anOrderIsHeldOnceAndReleasedOnce() {
        assertThat(holds.hold(orderId, "check the address", "operator", "c-1")).isTrue();
        assertThat(holds.hold(orderId, "again", "admin", "c-2")).isFalse();
        assertThat(holds.find(orderId).orElseThrow().heldBy()).isEqualTo("operator");

        assertThat(holds.release(orderId)).isTrue();
        assertThat(holds.release(orderId)).isFalse();
        assertThat(holds.isHeld(orderId)).isFalse();
    }

    @Test
    void cancelledUnitsAddUpPerLine() {
        commands.receive("c-1", orderId, CommandType.CANCEL_LINES, Map.of(), "operator");
        commands.receive("c-2", orderId, CommandType.CANCEL_LINES, Map.of("n", 2), "operator");
        cancellations.record("c-1", orderId, 1, 1);
        cancellations.record("c-2", orderId, 1, 1);

        assertThat(cancellations.byLine(orderId)).isEqualTo(Map.of(1, 2));
    }
}
