package io.maestro.core.returns;

import io.maestro.core.testing.PostgresProfile;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class ReturnServicePostgresTest extends ReturnServiceContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresProfile.register(registry);
    }
}
