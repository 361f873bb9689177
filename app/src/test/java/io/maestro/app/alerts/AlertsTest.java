package io.maestro.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.maestro.app.MaestroTest;
import io.maestro.core.deadletter.DeadLetterStatus;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.routes.PartnerCircuitBreakers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Alerts go out once when a condition starts and once when it ends, through the notification outbox (e-mail to the
 * operations address, here the sandbox mail server), however often the conditions are checked in between.
 */
@MaestroTest
class AlertsTest {

    @Autowired AlertChecker checker;
    @Autowired PartnerCircuitBreakers breakers;
    @Autowired DeadLetters deadLetters;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aPartnerWhoseBreakerOpensIsReportedDownOnceAndClearedOnceItCloses() {
        CircuitBreaker swift = breakers.breaker("SWIFT");
        checker.check();
        int fired = sent("ALERT_FIRING", "partner-down swift");
        int resolved = sent("ALERT_RESOLVED", "partner-down swift");
        try {
            swift.transitionToOpenState();
            checker.check();
            checker.check();
            assertThat(sent("ALERT_FIRING", "partner-down swift")).isEqualTo(fired + 1);
            assertThat(state("partner-down:swift")).isEqualTo("FIRING");
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from notification "
                    + "where type = 'ALERT_FIRING' and subject like '%partner-down swift' and status = 'SENT' "
                    + "and recipient = 'operations@maestro.local'", Integer.class) == fired + 1);
        } finally {
            swift.transitionToClosedState();
        }
        checker.check();
        checker.check();
        assertThat(sent("ALERT_RESOLVED", "partner-down swift")).isEqualTo(resolved + 1);
        assertThat(state("partner-down:swift")).isEqualTo("RESOLVED");
        assertThat(sent("ALERT_FIRING", "partner-down swift")).isEqualTo(fired + 1);
    }

    @Test
    void deadLettersArrivingFasterThanTheyAreTakenRaiseOneAlertUntilTheyAreDealtWith() {
        // Whatever other tests left open is dealt with first, as an operator would.
        deadLetters.list(null, DeadLetterStatus.OPEN, 0, 1000).forEach(l -> deadLetters.discard(l.id(), "operator", null));
        checker.check();
        int fired = sent("ALERT_FIRING", "dead-letters-growing network");
        int resolved = sent("ALERT_RESOLVED", "dead-letters-growing network");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(deadLetters.record("alerts-test", "row-" + i, "{}", "unreadable row"));
        }
        checker.check();
        checker.check();
        assertThat(state("dead-letters-growing:network")).isEqualTo("FIRING");
        assertThat(sent("ALERT_FIRING", "dead-letters-growing network")).isEqualTo(fired + 1);

        ids.forEach(id -> deadLetters.discard(id, "operator", "test rows"));
        checker.check();
        assertThat(state("dead-letters-growing:network")).isEqualTo("RESOLVED");
        assertThat(sent("ALERT_RESOLVED", "dead-letters-growing network")).isEqualTo(resolved + 1);
    }

    private int sent(String type, String about) {
        return jdbc.queryForObject("select count(*) from notification where type = ? and subject like ?", Integer.class,
                type, "%] " + about);
    }

    private String state(String key) {
        return jdbc.queryForObject("select status from alert_state where alert_key = ?", String.class, key);
    }
}
