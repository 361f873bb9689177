package io.maestro.core.inventory;

import io.maestro.core.testing.PostgresProfile;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class LockOrderPostgresTest extends LockOrderContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresProfile.register(registry);
    }

    @Override
    protected long deadlocksSoFar() {
        return jdbc.queryForObject("select deadlocks from pg_stat_database where datname = current_database()", Long.class);
    }
}
