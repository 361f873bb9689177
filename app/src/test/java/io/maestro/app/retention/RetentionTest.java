package io.maestro.app.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.app.MaestroTest;
import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;

/** Both halves of bounded growth are switched on in the default run: Camunda's history cleanup and the purge. */
@MaestroTest
class RetentionTest {

    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired HistoryService history;
    @Autowired RetentionProperties retention;
    @Autowired NightlyPurge purge;

    @Test
    void camundaCleansItsHistoryInTheNightlyWindow() {
        assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(engine.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
    }

    @Test
    void theRetentionPurgeRunsNightlyWithTheDocumentedDefaults() throws NoSuchMethodException {
        assertThat(NightlyPurge.class.getMethod("run").getAnnotation(Scheduled.class).cron())
                .isEqualTo("${maestro.retention.cron:0 30 2 * * *}");
        assertThat(retention.partnerEvents()).isEqualTo(Duration.ofDays(30));
        assertThat(retention.notifications()).isEqualTo(Duration.ofDays(30));
        assertThat(retention.deadLetters()).isEqualTo(Duration.ofDays(90));
        assertThat(retention.processedEvents()).isEqualTo(Duration.ofDays(90));
        assertThat(purge.run()).containsOnlyKeys("partner_event", "notification", "dead_letter", "processed_event");
    }
}
