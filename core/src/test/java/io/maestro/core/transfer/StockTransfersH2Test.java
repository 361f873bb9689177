package io.maestro.core.transfer;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class StockTransfersH2Test extends StockTransfersContract {
}
