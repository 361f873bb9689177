package io.maestro.routes;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = RoutesTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "maestro.data-dir=target/test-data/marketplace-h2")
class MarketplaceRoutesH2Test extends MarketplaceRoutesContract {
}
