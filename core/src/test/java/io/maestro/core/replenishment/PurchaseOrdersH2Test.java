package io.maestro.core.replenishment;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class PurchaseOrdersH2Test extends PurchaseOrdersContract {
}
