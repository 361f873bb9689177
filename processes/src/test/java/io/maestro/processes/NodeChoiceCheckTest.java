package io.maestro.processes;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.maestro.core.network.NetworkService;
import io.maestro.core.network.Node;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A node named on a form is checked against the network when the task is completed. */
class NodeChoiceCheckTest {

    private final NetworkService network = mock(NetworkService.class);
    private final DelegateTask task = mock(DelegateTask.class);
    private final NodeChoiceCheck check = new NodeChoiceCheck(network);

    @BeforeEach
    void network() {
        Node olean = mock(Node.class);
        when(olean.id()).thenReturn("DC-OLEAN");
        Node soho = mock(Node.class);
        when(soho.id()).thenReturn("ST-NYC-SOHO");
        when(network.all()).thenReturn(List.of(soho, olean));
        when(network.find("DC-OLEAN")).thenReturn(Optional.of(olean));
        when(network.find("DC-NOWHERE")).thenReturn(Optional.empty());
    }

    @Test
    void aNodeOfTheNetworkPasses() {
        choose("USE_NODE", "DC-OLEAN");
        assertThatCode(() -> check.check(task)).doesNotThrowAnyException();
    }

    @Test
    void aNodeThatDoesNotExistIsRefusedNamingTheNodesThereAre() {
        choose("USE_NODE", "DC-NOWHERE");
        assertThatThrownBy(() -> check.check(task)).isInstanceOf(BadUserRequestException.class)
                .hasMessage("There is no node DC-NOWHERE in the network: choose one of DC-OLEAN, ST-NYC-SOHO.");
    }

    @Test
    void noNodeForUseNodeIsRefused() {
        choose("USE_NODE", " ");
        assertThatThrownBy(() -> check.check(task)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Name the node to source from (chosenNodeId)");
    }

    @Test
    void anotherDecisionIgnoresTheHiddenNodeField() {
        choose("BACKORDER", "whatever was typed");
        assertThatCode(() -> check.check(task)).doesNotThrowAnyException();
    }

    private void choose(String decision, String node) {
        when(task.getVariable("operatorDecision")).thenReturn(decision);
        when(task.getVariable("chosenNodeId")).thenReturn(node);
    }
}
