package io.maestro.app.api;

import io.maestro.app.simulation.SimulationCsv;
import io.maestro.app.simulation.SimulationResult;
import io.maestro.app.simulation.SimulationService;
import io.maestro.app.simulation.SimulationStore;
import io.maestro.app.simulation.SimulationRequest;

import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/simulations")
public class SimulationController {

    static final String CSV = "text/csv";

    /** Steps done of 2 × orders × variants (each order's decisions, then its allocation, per variant). */
    public record Progress(int done, int total, double percent) {
    }

    /** A simulation: its progress while it runs, its result once DONE, why it stopped when FAILED or INTERRUPTED. */
    public record SimulationView(String simulationId, String name, String status, String requestedBy,
                                 OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                                 Progress progress, String error, SimulationResult result) {
    }

    private final SimulationService simulations;

    public SimulationController(SimulationService simulations) {
        this.simulations = simulations;
    }

    /** Accepts a replay and runs it in the background: 202 with its Location to poll. */
    @PostMapping
    public ResponseEntity<SimulationService.Accepted> start(@RequestBody(required = false) SimulationRequest request,
                                                            Principal principal) {
        SimulationService.Accepted accepted = simulations.submit(request, principal.getName());
        return ResponseEntity.accepted().location(URI.create("/api/simulations/" + accepted.simulationId())).body(accepted);
    }

    /** The simulation as JSON, or its result as CSV when the caller accepts {@code text/csv} and not JSON. */
    @GetMapping("/{id}")
    public ResponseEntity<?> get(@PathVariable String id,
                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (accept != null && accept.contains(CSV) && !accept.contains("json")) {
            return csv(id);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view(id));
    }

    private SimulationView view(String id) {
        SimulationStore.Row row = simulations.get(id);
        int total = row.stepsTotal();
        Progress progress = new Progress(row.stepsDone(), total,
                total == 0 ? 0 : Math.round(1000.0 * row.stepsDone() / total) / 10.0);
        return new SimulationView(row.id(), row.name(), row.status(), row.requestedBy(), row.createdAt(), row.startedAt(),
                row.finishedAt(), progress, row.error(),
                SimulationStore.DONE.equals(row.status()) ? simulations.read(row.result()) : null);
    }

    @GetMapping("/{id}.csv")
    public ResponseEntity<String> csv(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".csv\"")
                .body(SimulationCsv.of(simulations.result(id)));
    }
}
