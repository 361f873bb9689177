package io.maestro.core.inventory;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class LockOrderH2Test extends LockOrderContract {

    @Override
    protected long deadlocksSoFar() {
        return 0;
    }
}
