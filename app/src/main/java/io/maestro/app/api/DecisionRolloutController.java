package io.maestro.app.api;

import io.maestro.app.kpi.RolloutKpis.RolloutView;
import io.maestro.app.kpi.RolloutKpis;
import io.maestro.core.rollout.Rollout;
import io.maestro.core.rollout.Slice;
import io.maestro.processes.rollout.DecisionRollouts;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Soft launch of a decision table version to a slice of orders, its KPIs side by side, promotion and rollback. */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/decisions/{decisionKey}/rollouts")
public class DecisionRolloutController {

    private final DecisionRollouts rollouts;
    private final RolloutKpis kpis;

    public DecisionRolloutController(DecisionRollouts rollouts, RolloutKpis kpis) {
        this.rollouts = rollouts;
        this.kpis = kpis;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<RolloutView> start(@PathVariable String decisionKey, @RequestPart(required = false) MultipartFile file,
                                             @RequestParam(required = false) String region,
                                             @RequestParam(required = false) String channel,
                                             @RequestParam(required = false) String category,
                                             @RequestParam(required = false) Integer sharePercent,
                                             Principal principal) throws IOException {
        Rollout rollout = rollouts.start(decisionKey, file == null ? null : file.getBytes(),
                new Slice(region, channel, category, sharePercent),
                principal.getName());
        return ResponseEntity.created(URI.create("/api/decisions/" + decisionKey + "/rollouts/" + rollout.id()))
                .body(view(rollout));
    }

    @GetMapping
    public List<Rollout> list(@PathVariable String decisionKey) {
        return rollouts.of(decisionKey);
    }

    @GetMapping("/{rolloutId}")
    public RolloutView get(@PathVariable String decisionKey, @PathVariable String rolloutId) {
        return view(rollouts.get(decisionKey, rolloutId));
    }

    @PostMapping("/{rolloutId}/promote")
    public RolloutView promote(@PathVariable String decisionKey, @PathVariable String rolloutId, Principal principal) {
        return view(rollouts.promote(decisionKey, rolloutId, principal.getName()));
    }

    @PostMapping("/{rolloutId}/rollback")
    public RolloutView rollBack(@PathVariable String decisionKey, @PathVariable String rolloutId, Principal principal) {
        return view(rollouts.rollBack(decisionKey, rolloutId, principal.getName()));
    }

    private RolloutView view(Rollout r) {
        return kpis.of(r);
    }
}
