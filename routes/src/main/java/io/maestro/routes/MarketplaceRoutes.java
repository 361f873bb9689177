package io.maestro.routes;

import io.maestro.integrations.channels.MarketplaceImport;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The marketplace: order files (CSV, one row per order line) dropped in {@code ${maestro.data-dir}/inbox/marketplace/},
 * each taken in one go. A file with bad rows goes to {@code error/} with {@code <file>.errors.csv} next to it
 * (its good orders are taken all the same); a clean file goes to {@code done/}.
 */
@Component
public class MarketplaceRoutes extends RouteBuilder {

    private final RouteErrorPolicy errorPolicy;
    private final MarketplaceImport marketplace;

    public MarketplaceRoutes(RouteErrorPolicy errorPolicy, MarketplaceImport marketplace) {
        this.errorPolicy = errorPolicy;
        this.marketplace = marketplace;
    }

    @Override
    public void configure() {
        errorPolicy.input(this, "file:{{maestro.data-dir}}/inbox/marketplace" + InboxFiles.options("marketplaceFiles"),
                        "marketplace-orders", MarketplaceImport.SOURCE)
                .process(exchange -> {
                    MarketplaceImport.Report report = marketplace.importFile(
                            exchange.getMessage().getHeader(org.apache.camel.Exchange.FILE_NAME_ONLY, String.class),
                            exchange.getMessage().getBody(byte[].class));
                    InboxFiles.report(exchange, report.hasErrors() ? InboxFiles.ERROR : InboxFiles.DONE, ".errors.csv",
                            report.errorReport());
                    log.info("Marketplace file {}: {} orders created, {} known, {} rejected", report.fileName(),
                            report.ordersCreated(), report.ordersAlreadyKnown(), report.ordersRejected());
                });
    }
}
