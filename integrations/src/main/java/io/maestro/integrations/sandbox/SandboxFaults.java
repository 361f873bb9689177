package io.maestro.integrations.sandbox;

import io.maestro.integrations.sandbox.SandboxProperties.Fault;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Fault injection per sandbox partner (a carrier's name, {@code nodes} for every node system, or one node id):
 * set from configuration at start, changed at run time through {@code /sandbox/faults}.
 */
@Component
public class SandboxFaults {

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public SandboxFaults(SandboxProperties properties) {
        faults.putAll(properties.getFaults());
    }

    public Map<String, Fault> all() {
        return new TreeMap<>(faults);
    }

    public void set(String partner, Fault fault) {
        faults.put(partner, fault);
    }

    public void clear(String partner) {
        faults.remove(partner);
    }

    public void clearAll() {
        faults.clear();
    }

    /** Behaves as the first of the partners that has a fault set: waits its latency, then fails if it is down. */
    public void apply(String... partners) {
        calls.computeIfAbsent(partners[0], p -> new AtomicInteger()).incrementAndGet();
        for (String partner : partners) {
            Fault fault = faults.get(partner);
            if (fault != null) {
                inject(partner, fault);
                return;
            }
        }
    }

    /** How many calls the partner (the first name given to {@link #apply}) has had. */
    public int calls(String partner) {
        AtomicInteger count = calls.get(partner);
        return count == null ? 0 : count.get();
    }

    private static void inject(String partner, Fault fault) {
        if (fault.latencyMs() > 0) {
            try {
                Thread.sleep(fault.latencyMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fault.outage()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, partner + " is down (sandbox outage)");
        }
        if (fault.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < fault.errorRate()) {
            throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, partner + " failed (sandbox error rate)");
        }
    }
}
