package io.maestro.app.security;

import io.maestro.workers.task.WorkerCredentials;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The in-process worker's key to this application's engine REST: a fresh random secret per start,
 * stored (hashed) under a name of its own for this process, so no credential needs configuring.
 */
@Component
@ConditionalOnWebApplication
public class InProcessWorkerKey implements WorkerCredentials {

    private final ApiKeys keys;
    private String key;

    public InProcessWorkerKey(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public synchronized String apiKey() {
        if (key == null) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            key = HexFormat.of().formatHex(secret);
            keys.replace("in-process-worker@" + ManagementFactory.getRuntimeMXBean().getName(), key, Role.INTEGRATION);
        }
        return key;
    }
}
