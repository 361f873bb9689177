package io.maestro.app.retention;

import io.maestro.core.db.Database;
import io.maestro.core.retention.RetentionPurge;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the retention purge of Maestro's own tables at {@code maestro.retention.cron} (Camunda cleans its history). */
@Component
@EnableConfigurationProperties(RetentionProperties.class)
public class NightlyPurge {

    private static final Logger log = LoggerFactory.getLogger(NightlyPurge.class);

    private final RetentionPurge purge;
    private final RetentionProperties properties;
    private final Database db;

    public NightlyPurge(RetentionPurge purge, RetentionProperties properties, Database db) {
        this.purge = purge;
        this.properties = properties;
        this.db = db;
    }

    @Scheduled(cron = "${maestro.retention.cron:0 30 2 * * *}")
    public Map<String, Integer> run() {
        Map<String, Integer> deleted = purge.purge(properties.retention(), db.now());
        log.info("Retention purge deleted {}", deleted);
        return deleted;
    }
}
