package io.maestro.routes;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = RoutesTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "maestro.data-dir=target/test-data/erp-h2")
class ErpRoutesH2Test extends ErpRoutesContract {
}
