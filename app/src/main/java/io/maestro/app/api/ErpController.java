package io.maestro.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.integrations.erp.ErpItemImport;
import io.maestro.integrations.erp.ErpReconciliation;
import io.maestro.integrations.erp.ErpSnapshot;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ERP's imports over REST, the same as its inbox files: an inventory snapshot reconciled against the ledger
 * (JSON, or CSV with {@code ?snapshotId=}), and the item master. Both answer with the per-row report.
 */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/erp")
public class ErpController {

    private final ErpReconciliation reconciliation;
    private final ErpItemImport items;
    private final ObjectMapper json;

    public ErpController(ErpReconciliation reconciliation, ErpItemImport items, ObjectMapper json) {
        this.reconciliation = reconciliation;
        this.items = items;
        this.json = json;
    }

    @PostMapping("/snapshots")
    public ErpReconciliation.Report snapshot(@RequestBody(required = false) byte[] body,
                                             @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                             @RequestParam(required = false) String snapshotId, Principal principal) {
        byte[] content = body == null ? new byte[0] : body;
        ErpSnapshot snapshot = isCsv(contentType) ? ErpSnapshot.fromCsv(content, snapshotId)
                : ErpSnapshot.fromJson(content, snapshotId, json);
        return reconciliation.reconcile(snapshot, principal.getName());
    }

    @PostMapping("/items")
    public ErpItemImport.Report items(@RequestBody(required = false) byte[] body,
                                      @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                      Principal principal) {
        byte[] content = body == null ? new byte[0] : body;
        String reference = "POST /api/erp/items by " + principal.getName() + " at " + OffsetDateTime.now();
        return isCsv(contentType) ? items.importCsv(content, reference) : items.importJson(content, reference);
    }

    private static boolean isCsv(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/csv");
    }
}
