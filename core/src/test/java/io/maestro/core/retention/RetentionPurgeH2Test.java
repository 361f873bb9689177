package io.maestro.core.retention;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class RetentionPurgeH2Test extends RetentionPurgeContract {
}
