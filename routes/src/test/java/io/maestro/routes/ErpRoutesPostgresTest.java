package io.maestro.routes;

import io.maestro.core.testing.PostgresProfile;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = RoutesTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "maestro.data-dir=target/test-data/erp-postgres")
class ErpRoutesPostgresTest extends ErpRoutesContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresProfile.register(registry);
    }
}
