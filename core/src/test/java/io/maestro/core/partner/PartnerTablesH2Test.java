package io.maestro.core.partner;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class PartnerTablesH2Test extends PartnerTablesContract {
}
