package io.maestro.core.inventory;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class InventoryLedgerH2Test extends InventoryLedgerContract {
}
