package io.maestro.workers.task;

/** Issues the API key an in-process worker uses to call its own application's engine REST. */
public interface WorkerCredentials {

    String apiKey();
}
