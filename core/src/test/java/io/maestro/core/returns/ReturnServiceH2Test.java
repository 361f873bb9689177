package io.maestro.core.returns;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ReturnServiceH2Test extends ReturnServiceContract {
}
