package io.maestro.core.inventory;

class LedgerRebuildH2Properties extends LedgerRebuildContract {

    @Override
    String[] databaseProperties() {
        return new String[0];
    }
}
