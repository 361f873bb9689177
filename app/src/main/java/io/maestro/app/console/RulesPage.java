package io.maestro.app.console;

import io.maestro.app.kpi.RolloutKpis;
import io.maestro.processes.rollout.DecisionRollouts;
import io.maestro.processes.rollout.Rollout;
import io.maestro.processes.rollout.RolloutStatus;
import io.maestro.processes.rollout.Slice;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The decision tables, the version in force, and their soft launches: started, promoted or rolled back as in the API. */
@Controller
@ConditionalOnWebApplication
public class RulesPage {

    private final DecisionRollouts rollouts;
    private final RolloutKpis kpis;

    public RulesPage(DecisionRollouts rollouts, RolloutKpis kpis) {
        this.rollouts = rollouts;
        this.kpis = kpis;
    }

    @GetMapping("/console/rules")
    String tables(Model model) {
        List<DecisionRollouts.Table> tables = rollouts.tables();
        model.addAttribute("tables", tables);
        model.addAttribute("active", tables.stream().flatMap(t -> t.lastRollout().stream())
                .filter(r -> r.status() == RolloutStatus.ACTIVE).map(kpis::of).toList());
        return "console/rules";
    }

    @PostMapping("/console/rules/rollouts")
    String start(@RequestParam String decisionKey, @RequestParam(required = false) MultipartFile file,
                 @RequestParam(required = false) String region, @RequestParam(required = false) String channel,
                 @RequestParam(required = false) String category, @RequestParam(required = false) Integer sharePercent,
                 Principal who, RedirectAttributes redirect) throws IOException {
        Rollout rollout = rollouts.start(decisionKey, file == null ? null : file.getBytes(),
                new Slice(region, channel, category, sharePercent),
                who.getName());
        redirect.addFlashAttribute("accepted", decisionKey + " v" + rollout.candidateVersion() + " decides "
                + rollout.slice().describe() + "; v" + rollout.baseVersion() + " the other orders");
        return "redirect:/console/rules";
    }

    @PostMapping("/console/rules/{decisionKey}/rollouts/{rolloutId}/promote")
    String promote(@PathVariable String decisionKey, @PathVariable String rolloutId, Principal who,
                   RedirectAttributes redirect) {
        Rollout rollout = rollouts.promote(decisionKey, rolloutId, who.getName());
        redirect.addFlashAttribute("accepted", decisionKey + " v" + rollout.candidateVersion() + " decides every order");
        return "redirect:/console/rules";
    }

    @PostMapping("/console/rules/{decisionKey}/rollouts/{rolloutId}/rollback")
    String rollBack(@PathVariable String decisionKey, @PathVariable String rolloutId, Principal who,
                    RedirectAttributes redirect) {
        Rollout rollout = rollouts.rollBack(decisionKey, rolloutId, who.getName());
        redirect.addFlashAttribute("accepted", decisionKey + " v" + rollout.baseVersion() + " decides every order again");
        return "redirect:/console/rules";
    }
}
