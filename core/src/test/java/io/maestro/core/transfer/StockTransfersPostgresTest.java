package io.maestro.core.transfer;

import io.maestro.core.testing.PostgresProfile;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class StockTransfersPostgresTest extends StockTransfersContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresProfile.register(registry);
    }
}
