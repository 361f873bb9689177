package io.maestro.app.api;

import io.maestro.processes.replenishment.TransferSuggestion;
import io.maestro.processes.replenishment.TransferSuggestions;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/transfers")
public class TransferController {

    private final TransferSuggestions suggestions;

    public TransferController(TransferSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    /** Stock to move from nodes far above their replenishment level to nodes below it, best net saving first. */
    @GetMapping("/suggestions")
    public List<TransferSuggestion> suggestions(@RequestParam(required = false) String sku) {
        return suggestions.suggest(sku);
    }
}
