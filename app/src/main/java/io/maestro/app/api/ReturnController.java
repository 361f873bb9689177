package io.maestro.app.api;

import io.maestro.core.returns.CustomerReturn;
import io.maestro.core.returns.NewReturn;
import io.maestro.core.returns.ReturnResult;
import io.maestro.core.returns.ReturnService;
import java.net.URI;
import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Returns at any node. The node that has the goods in hand reports them (store till, DC returns desk), so a reported
 * return is received; process {@code customer-return} takes it through inspection, disposition and refund.
 */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/returns")
public class ReturnController {

    private final ReturnService returns;

    public ReturnController(ReturnService returns) {
        this.returns = returns;
    }

    /** 201 with the new return; 200 with the stored one when its {@code returnId} was reported before. */
    @PostMapping
    public ResponseEntity<CustomerReturn> receive(@RequestBody NewReturn request, Principal principal) {
        ReturnResult result = returns.open(request, principal.getName());
        if (!result.created()) {
            return ResponseEntity.ok(result.customerReturn());
        }
        return ResponseEntity.created(URI.create("/api/returns/" + result.customerReturn().returnId()))
                .body(result.customerReturn());
    }

    @GetMapping("/{returnId}")
    public CustomerReturn get(@PathVariable String returnId) {
        return returns.get(returnId);
    }
}
