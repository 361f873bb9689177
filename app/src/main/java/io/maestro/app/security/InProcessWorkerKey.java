package io.maestro.app.security;

import io.maestro.workers.task.WorkerCredentials;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The in-process worker's key to this application's own engine REST: a fresh random secret per start, held in
 * memory only, so nothing needs configuring and no key is left behind in {@code api_key}. A worker that polls
 * another node names a stored key ({@code MAESTRO_WORKER_API_KEY}).
 */
@Component
@ConditionalOnWebApplication
public class InProcessWorkerKey implements WorkerCredentials {

    static final String NAME = "in-process-worker";

    private final ApiKeys keys;
    private String key;

    public InProcessWorkerKey(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public synchronized String apiKey() {
        if (key == null) {
            key = ApiKeys.newSecret();
            keys.holdInMemory(NAME, key, Role.INTEGRATION);
        }
        return key;
    }
}
