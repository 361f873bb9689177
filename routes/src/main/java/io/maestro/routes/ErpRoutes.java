package io.maestro.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.IdempotencyConflictException;
import io.maestro.integrations.channels.MalformedPayloadException;
import io.maestro.integrations.erp.ErpItemImport;
import io.maestro.integrations.erp.ErpReconciliation;
import io.maestro.integrations.erp.ErpSnapshot;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * The ERP. In: item master and inventory snapshot files (CSV or JSON) dropped in {@code ${maestro.data-dir}/inbox/erp/}
 * — a name starting with {@code items} is item master, anything else a snapshot whose id is the file name — each
 * with a report {@code <file>.report.csv} next to it in {@code done/} (or {@code error/} when a row was rejected).
 * Out: refunds and purchase orders as JSON POSTs to {@code maestro.erp.refunds-url} and
 * {@code maestro.erp.purchase-orders-url}, retried with backoff ({@link RouteErrorPolicy#partnerCall}).
 */
@Component
public class ErpRoutes extends RouteBuilder {

    public static final String REFUNDS = "direct:erp-refund";
    public static final String PURCHASE_ORDERS = "direct:erp-purchase-order";
    static final String FILE_SOURCE = "erp-file";

    private final RouteErrorPolicy errorPolicy;
    private final ErpReconciliation reconciliation;
    private final ErpItemImport items;
    private final ObjectMapper json;

    public ErpRoutes(RouteErrorPolicy errorPolicy, ErpReconciliation reconciliation, ErpItemImport items, ObjectMapper json) {
        this.errorPolicy = errorPolicy;
        this.reconciliation = reconciliation;
        this.items = items;
        this.json = json;
    }

    @Override
    public void configure() {
        errorPolicy.input(this, "file:{{maestro.data-dir}}/inbox/erp" + InboxFiles.options("erpFiles"), "erp-files",
                        FILE_SOURCE)
                .process(this::importFile);

        errorPolicy.partnerCall(this, REFUNDS, "erp-refund")
                .marshal().json(JsonLibrary.Jackson)
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .to("{{maestro.erp.refunds-url}}");

        errorPolicy.partnerCall(this, PURCHASE_ORDERS, "erp-purchase-order")
                .marshal().json(JsonLibrary.Jackson)
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .to("{{maestro.erp.purchase-orders-url}}");
    }

    /**
     * An unreadable file, or a snapshot id already reconciled with other rows, gets a one-line report before it fails
     * (and goes to {@code error/} as a dead letter).
     */
    private void importFile(Exchange exchange) {
        try {
            importReadable(exchange);
        } catch (MalformedPayloadException | IdempotencyConflictException e) {
            InboxFiles.report(exchange, InboxFiles.ERROR, ".report.csv", "reason\n\"" + e.getMessage().replace("\"", "\"\"")
                    + "\"\n");
            throw e;
        }
    }

    private void importReadable(Exchange exchange) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        byte[] content = exchange.getMessage().getBody(byte[].class);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean isJson = lower.endsWith(".json");
        if (lower.startsWith("items")) {
            ErpItemImport.Report report = isJson ? items.importJson(content, name) : items.importCsv(content, name);
            InboxFiles.report(exchange, report.rejected() > 0 ? InboxFiles.ERROR : InboxFiles.DONE, ".report.csv",
                    report.toCsv());
            log.info("ERP item master {}: {} created, {} updated, {} rejected", name, report.created(), report.updated(),
                    report.rejected());
            return;
        }
        String snapshotId = name.substring(0, name.lastIndexOf('.'));
        ErpSnapshot snapshot = isJson ? ErpSnapshot.fromJson(content, snapshotId, json)
                : ErpSnapshot.fromCsv(content, snapshotId);
        ErpReconciliation.Report report = reconciliation.reconcile(snapshot, "erp");
        InboxFiles.report(exchange, report.rejected() > 0 ? InboxFiles.ERROR : InboxFiles.DONE, ".report.csv",
                report.duplicate() ? "snapshot " + report.snapshotId() + " was reconciled before: nothing changed\n"
                        : report.toCsv());
        log.info("ERP snapshot {}: {} changed, {} unchanged, {} rejected{}", report.snapshotId(), report.changed(),
                report.unchanged(), report.rejected(), report.duplicate() ? " (seen before, nothing changed)" : "");
    }
}
