package io.maestro.core.inventory;

import io.maestro.core.testing.EmbeddedPostgresDatabase;

class LedgerRebuildPostgresProperties extends LedgerRebuildContract {

    @Override
    String[] databaseProperties() {
        return new String[] {"spring.datasource.url=" + EmbeddedPostgresDatabase.newDatabaseUrl(),
            "spring.datasource.username=postgres", "spring.datasource.password=postgres"};
    }
}
