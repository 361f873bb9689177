package io.maestro.app.kpi;

import io.maestro.core.rollout.Rollout;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;

/** A rollout with the KPIs of the orders each side decided since it started (by the version on their timelines). */
@Service
@ConditionalOnWebApplication
public class RolloutKpis {

    private final OrderKpis kpis;

    public RolloutKpis(OrderKpis kpis) {
        this.kpis = kpis;
    }

    /** A rollout, its slice in words, and the KPIs of the candidate's orders and the base version's. */
    public record RolloutView(Rollout rollout, String slice, SliceKpis candidate, SliceKpis base) {
    }

    public RolloutView of(Rollout r) {
        String decidedBy = "dmn:" + r.decisionKey() + ":v";
        return new RolloutView(r, r.slice().describe(), kpis.decidedBy(decidedBy + r.candidateVersion(), r.startedAt()),
                kpis.decidedBy(decidedBy + r.baseVersion(), r.startedAt()));
    }
}
