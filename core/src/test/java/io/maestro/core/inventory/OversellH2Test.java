package io.maestro.core.inventory;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class OversellH2Test extends OversellContract {
}
