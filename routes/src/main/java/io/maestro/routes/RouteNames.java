package io.maestro.routes;

import java.util.Locale;

/** Route ids and direct endpoints are kebab-case: {@code THREE_PL} → {@code three-pl}, {@code DC-BKN} → {@code dc-bkn}. */
final class RouteNames {

    private RouteNames() {
    }

    static String kebab(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
