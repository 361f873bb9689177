package io.maestro.app.api;

import io.maestro.core.rollout.Rollout;
import io.maestro.processes.rollout.DecisionRollouts;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The decision tables deployed: the version in force for orders outside any rollout, and each one's last rollout. */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/decisions")
public class DecisionTableController {

    /** One table; {@code lastSlice} says in words which orders its last rollout's candidate decides. */
    public record TableView(String key, String name, int latestVersion, int versionInForce, Rollout lastRollout,
                            String lastSlice) {
        static TableView of(DecisionRollouts.Table t) {
            Rollout last = t.lastRollout().orElse(null);
            return new TableView(t.key(), t.name(), t.latestVersion(), t.versionInForce(), last,
                    last == null ? null : last.slice().describe());
        }
    }

    private final DecisionRollouts rollouts;

    public DecisionTableController(DecisionRollouts rollouts) {
        this.rollouts = rollouts;
    }

    @GetMapping
    public List<TableView> tables() {
        return rollouts.tables().stream().map(TableView::of).toList();
    }
}
