package io.maestro.app.chaos;

import io.maestro.app.Api;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** What a chaos run did and was answered: counts per action and outcome, every 5xx, every command answered 202. */
final class ChaosRecord {

    /** A command answered {@code 202}: it must show APPLIED and its effect on the order. */
    record Accepted(String orderId, String commandId, String command, int lineNo, int units, String postalCode) {
    }

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Queue<String> serverErrors = new ConcurrentLinkedQueue<>();
    private final Queue<String> clientFailures = new ConcurrentLinkedQueue<>();
    private final Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();

    void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Counts the answer under {@code what} and keeps it when it is a 5xx. */
    Api.Response answered(String what, String request, Api.Response response) {
        count(what + " " + response.status());
        if (response.status() >= 500) {
            serverErrors.add(request + " -> " + response.status() + " " + response.body());
        }
        return response;
    }

    void accepted(Accepted command) {
        accepted.add(command);
    }

    void clientFailure(String what) {
        clientFailures.add(what);
    }

    Map<String, Integer> counts() {
        Map<String, Integer> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted;
    }

    List<String> serverErrors() {
        return List.copyOf(serverErrors);
    }

    List<String> clientFailures() {
        return List.copyOf(clientFailures);
    }

    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }
}
