package io.maestro.integrations.sandbox;

import io.maestro.integrations.sandbox.SandboxProperties.Fault;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Switches faults of the sandbox partners on and off: {@code PUT /sandbox/faults/SWIFT {"outage": true}}. */
@RestController
@RequestMapping("/sandbox/faults")
public class SandboxFaultsController {

    private final SandboxFaults faults;

    public SandboxFaultsController(SandboxFaults faults) {
        this.faults = faults;
    }

    @GetMapping
    public Map<String, Fault> all() {
        return faults.all();
    }

    @PutMapping("/{partner}")
    public Map<String, Fault> set(@PathVariable String partner, @RequestBody Fault fault) {
        faults.set(partner, fault);
        return faults.all();
    }

    @DeleteMapping("/{partner}")
    public Map<String, Fault> clear(@PathVariable String partner) {
        faults.clear(partner);
        return faults.all();
    }

    @DeleteMapping
    public Map<String, Fault> clearAll() {
        faults.clearAll();
        return faults.all();
    }
}
