package io.maestro.app.console;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.NotFoundException;
import io.maestro.core.deadletter.DeadLetterStatus;
import io.maestro.core.deadletter.DeadLetters;
import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Input no route could take: listed, replayed or discarded through the dead letter service (as the API does). */
@Controller
@ConditionalOnWebApplication
public class DeadLettersPage {

    private static final int LIMIT = 200;

    private final DeadLetters deadLetters;

    public DeadLettersPage(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/console/dead-letters")
    String list(@RequestParam(required = false) DeadLetterStatus status, Model model) {
        model.addAttribute("letters", deadLetters.list(null, status, 0, LIMIT));
        model.addAttribute("total", deadLetters.count(null, status));
        model.addAttribute("statuses", DeadLetterStatus.values());
        model.addAttribute("status", status);
        return "console/dead-letters";
    }

    @PostMapping("/console/dead-letters/{id}/replay")
    String replay(@PathVariable long id, Principal who, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("accepted", "Dead letter " + id + ": "
                    + deadLetters.replay(id, who.getName()).status().name().toLowerCase());
        } catch (InvalidRequestException | NotFoundException e) {
            throw e;
        } catch (RuntimeException e) {
            // The letter stays open with this reason (the dead letter service recorded it).
            redirect.addFlashAttribute("refused", "Dead letter " + id + " could not be replayed: " + e.getMessage());
        }
        return "redirect:/console/dead-letters";
    }

    @PostMapping("/console/dead-letters/{id}/discard")
    String discard(@PathVariable long id, @RequestParam(required = false) String note, Principal who,
                   RedirectAttributes redirect) {
        redirect.addFlashAttribute("accepted", "Dead letter " + id + ": "
                + deadLetters.discard(id, who.getName(), note).status().name().toLowerCase());
        return "redirect:/console/dead-letters";
    }
}
