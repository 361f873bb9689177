package io.maestro.app.api;

import io.maestro.app.security.ApiKeys;
import io.maestro.app.security.Role;
import io.maestro.core.NotFoundException;
import io.maestro.core.Violations;
import java.net.URI;
import java.security.Principal;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys for integrations and machines (the standalone worker, a channel, an ERP), for administrators: issue one
 * for a role (its secret is in the answer, and nowhere else ever after), list them without secrets, revoke one.
 * A key's id is its name; names are never reused, so the log of who used which key stays unambiguous.
 */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/api-keys")
public class ApiKeyController {

    public record NewKey(String name, String role) {
    }

    private static final Logger log = LoggerFactory.getLogger(ApiKeyController.class);
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";

    private final ApiKeys keys;

    public ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @PostMapping
    public ResponseEntity<ApiKeys.Issued> issue(@RequestBody NewKey request, Principal principal) {
        Violations v = new Violations();
        if (v.requireText(request.name(), "name", 100)) {
            v.require(request.name().matches(NAME), "name", "must be letters, digits and . _ : - (starting with a "
                    + "letter or digit)");
        }
        Role role = null;
        if (v.requireText(request.role(), "role", 20)) {
            role = Arrays.stream(Role.values()).filter(r -> r.name().equals(request.role())).findFirst().orElse(null);
            v.require(role != null, "role", "'" + request.role() + "' is not one of " + Arrays.toString(Role.values()));
        }
        v.throwIfAny();
        ApiKeys.Issued issued = keys.issue(request.name(), role);
        log.info("API key {} ({}) issued by {}", issued.name(), issued.role(), principal.getName());
        return ResponseEntity.created(URI.create("/api/api-keys/" + issued.id())).body(issued);
    }

    @GetMapping
    public Page<ApiKeys.Listed> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        return new Page<>(keys.list(paging.offset(), size), page, size, keys.count());
    }

    @GetMapping("/{id}")
    public ApiKeys.Listed get(@PathVariable String id) {
        return keys.get(id).orElseThrow(() -> new NotFoundException("API key", id));
    }

    /** Revokes the key: the next request with it is refused. Revoking a revoked key again changes nothing. */
    @DeleteMapping("/{id}")
    public ApiKeys.Listed revoke(@PathVariable String id, Principal principal) {
        if (keys.revoke(id)) {
            log.info("API key {} revoked by {}", id, principal.getName());
        }
        return get(id);
    }

    @PostMapping("/{id}/revoke")
    public ApiKeys.Listed revokeByPost(@PathVariable String id, Principal principal) {
        return revoke(id, principal);
    }
}
