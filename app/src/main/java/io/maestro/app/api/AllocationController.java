package io.maestro.app.api;

import io.maestro.core.InvalidRequestException;
import io.maestro.workers.allocate.WaveReoptimization;
import io.maestro.workers.allocate.WaveReport;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/allocation")
public class AllocationController {

    /** {@code dryRun} (default true) only reports; {@code secondsPerChannel} bounds the solver (default 10, at most 120). */
    public record WaveRequest(Boolean dryRun, Double secondsPerChannel) {
    }

    private final WaveReoptimization waves;

    public AllocationController(WaveReoptimization waves) {
        this.waves = waves;
    }

    /** Re-optimises the allocated, unreleased orders together and reports the savings; applies them unless a dry run. */
    @PostMapping("/waves")
    public WaveReport wave(@RequestBody(required = false) WaveRequest request) {
        boolean dryRun = request == null || request.dryRun() == null || request.dryRun();
        double seconds = request == null || request.secondsPerChannel() == null ? 10 : request.secondsPerChannel();
        if (seconds <= 0 || seconds > 120) {
            throw new InvalidRequestException("secondsPerChannel", "must be more than 0 and at most 120");
        }
        return waves.reoptimise(dryRun, seconds);
    }
}
