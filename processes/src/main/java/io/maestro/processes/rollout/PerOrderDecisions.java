package io.maestro.processes.rollout;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The decision tables a process decides per order (its business rule tasks, as the engine parsed them): the ones a
 * rollout can split between two versions.
 */
@Component
public class PerOrderDecisions {

    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    void add(String decisionKey) {
        keys.add(decisionKey);
    }

    public boolean contains(String decisionKey) {
        return keys.contains(decisionKey);
    }

    /** In alphabetical order. */
    public List<String> keys() {
        return keys.stream().sorted().toList();
    }
}
