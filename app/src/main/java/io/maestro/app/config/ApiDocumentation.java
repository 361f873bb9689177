package io.maestro.app.config;

import io.maestro.app.security.ApiKeyAuthenticationFilter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): title and description,
 * the two ways to authenticate (HTTP Basic for people, an API key for integrations) so "Authorize" and "Try it out"
 * work, a summary per operation, and the RFC 9457 problem responses every operation may answer with.
 */
@Configuration
public class ApiDocumentation {

    static final String BASIC = "basic";
    static final String API_KEY = "apiKey";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** Summaries by "METHOD path"; an operation missing here gets its method name in words. */
    public static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("POST /api/orders", "Accept an order (idempotent on channel and channel order id)"),
            Map.entry("GET /api/orders", "List orders, filtered by status and channel"),
            Map.entry("GET /api/orders/search", "Find orders by id, channel order id, e-mail or tracking number, with filters"),
            Map.entry("GET /api/orders/channels", "The channels orders came from"),
            Map.entry("GET /api/kpis", "Order KPIs of a period (24 h, 7 d, 30 d) with the series for charts"),
            Map.entry("GET /api/decisions", "The decision tables, the version in force and each one's last rollout"),
            Map.entry("GET /api/orders/{orderId}", "An order with its lines and shipments"),
            Map.entry("GET /api/orders/{orderId}/timeline", "Every event and decision of an order, with its reason"),
            Map.entry("GET /api/orders/{orderId}/commands", "The commands sent for an order and their outcome"),
            Map.entry("POST /api/orders/{orderId}/cancel", "Cancel what has not shipped of an order"),
            Map.entry("POST /api/orders/{orderId}/change", "Change an order's ship-to address or delivery"),
            Map.entry("POST /api/orders/{orderId}/hold", "Hold an order before it is released to a node"),
            Map.entry("POST /api/orders/{orderId}/release", "Release a held order"),
            Map.entry("POST /api/orders/{orderId}/lines/cancel", "Cancel some lines (or units) of an order"),
            Map.entry("POST /api/channels/{channel}/orders", "Accept an order pushed by a channel's signed webhook"),
            Map.entry("GET /api/inventory/{sku}", "A SKU's positions and ATP across the network"),
            Map.entry("GET /api/inventory/nodes/{nodeId}", "Every position at one node"),
            Map.entry("POST /api/inventory/adjustments", "Adjust a position (delta or new on-hand), idempotent on event id"),
            Map.entry("POST /api/inventory/snapshots", "Import a stock snapshot, with a validation report per row"),
            Map.entry("GET /api/inventory/protections/{sku}", "A SKU's channel protections"),
            Map.entry("PUT /api/inventory/protections/{sku}/{channel}", "Set a SKU's protection for one channel"),
            Map.entry("POST /api/inventory/protections/apply-rules", "Apply the stock protection rules (DMN) to every SKU"),
            Map.entry("GET /api/nodes", "Every node of the network"),
            Map.entry("GET /api/nodes/{nodeId}", "One node"),
            Map.entry("POST /api/nodes", "Add or change a node"),
            Map.entry("POST /api/nodes/{nodeId}/pause", "Pause a node: no new allocations to it"),
            Map.entry("POST /api/nodes/{nodeId}/open", "Open a paused node again"),
            Map.entry("GET /api/skus", "List SKUs, by category"),
            Map.entry("GET /api/skus/{sku}", "One SKU"),
            Map.entry("POST /api/skus", "Add or change a SKU"),
            Map.entry("POST /api/returns", "Receive a return of an order's lines at a node"),
            Map.entry("GET /api/returns/{returnId}", "One return and its refund"),
            Map.entry("GET /api/exceptions", "Every order that needs a person or stopped moving, oldest first"),
            Map.entry("GET /api/forecasts/{sku}", "Demand forecast of a SKU at a node or network-wide, with quantiles and method"),
            Map.entry("POST /api/forecasts/{sku}/refresh", "Recompute a SKU's demand forecasts now"),
            Map.entry("POST /api/decisions/{decisionKey}/rollouts", "Soft-launch a candidate decision table to a slice of orders"),
            Map.entry("GET /api/decisions/{decisionKey}/rollouts", "A decision table's rollouts, newest first"),
            Map.entry("GET /api/decisions/{decisionKey}/rollouts/{rolloutId}", "A rollout with the KPIs of each side"),
            Map.entry("POST /api/decisions/{decisionKey}/rollouts/{rolloutId}/promote", "Let the candidate decide every order"),
            Map.entry("POST /api/decisions/{decisionKey}/rollouts/{rolloutId}/rollback", "Return every order to the base version"),
            Map.entry("POST /api/replenishment/{nodeId}/run", "Review a node's replenishment now (proposals, then purchase orders)"),
            Map.entry("GET /api/replenishment/proposals", "Replenishment proposals by node and status, with their reasons"),
            Map.entry("GET /api/replenishment/proposals/{proposalId}", "One replenishment proposal"),
            Map.entry("GET /api/replenishment/purchase-orders", "Purchase orders and the units on order per node and SKU"),
            Map.entry("GET /api/replenishment/purchase-orders/{requestId}", "One purchase order"),
            Map.entry("GET /api/transfers/suggestions", "Stock to move between nodes: far above target at one, below at another"),
            Map.entry("POST /api/transfers", "Approve a stock transfer between nodes (its stock-transfer process executes it)"),
            Map.entry("GET /api/transfers", "Stock transfers by status and SKU, newest first, with the units in transit"),
            Map.entry("GET /api/transfers/{transferId}", "One stock transfer with its timeline"),
            Map.entry("POST /api/transfers/{transferId}/receipts", "The destination's receipt of a transfer: into its stock once per event id"),
            Map.entry("GET /api/carriers/estimate-drift", "How far the labels bought are from allocation's estimates"),
            Map.entry("GET /api/dead-letters", "List input that could not be taken"),
            Map.entry("GET /api/dead-letters/{id}", "One dead letter"),
            Map.entry("POST /api/dead-letters/{id}/replay", "Take a dead letter again"),
            Map.entry("POST /api/dead-letters/{id}/discard", "Discard a dead letter, with a note"),
            Map.entry("POST /api/api-keys", "Issue an API key (shown once)"),
            Map.entry("GET /api/api-keys", "List API keys (never their secret)"),
            Map.entry("GET /api/api-keys/{id}", "One API key"),
            Map.entry("DELETE /api/api-keys/{id}", "Revoke an API key"),
            Map.entry("POST /api/api-keys/{id}/revoke", "Revoke an API key (for clients without DELETE)"),
            Map.entry("POST /api/allocation/waves", "Re-plan the waiting orders together as one wave"),
            Map.entry("POST /api/simulations", "Start a what-if replay of orders under two or more variants (202, runs in the background)"),
            Map.entry("GET /api/simulations/{id}", "A what-if replay: progress while it runs, the comparison when done (CSV on Accept: text/csv)"),
            Map.entry("GET /api/simulations/{id}.csv", "A finished what-if replay's comparison as CSV"),
            Map.entry("POST /api/erp/snapshots", "Reconcile stock against the ERP's snapshot file"),
            Map.entry("POST /api/erp/items", "Import the ERP's item master file"),
            Map.entry("POST /api/partners/nodes/{nodeId}/events", "A node system's event (accepted, rejected, shipped…)"),
            Map.entry("POST /api/partners/carriers/{carrier}/tracking", "A carrier's tracking event"),
            Map.entry("POST /api/partners/erp/receipts", "The ERP's receipt of a purchase order at its node"),
            Map.entry("POST /api/partners/nodes/{nodeId}/transfer-receipts",
                    "A destination node's receipt of a stock transfer"));

    @Bean
    OpenAPI maestroOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Maestro API").version("v1")
                        .description("""
                                Distributed order management: orders from every channel, one picture of inventory \
                                across warehouses, stores, 3PLs and dropshippers, and the best way to fulfil each order.

                                Authenticate with HTTP Basic (people: their Maestro/Camunda user) or an API key in the \
                                `X-Api-Key` header (integrations). The console calls it with its login session; a \
                                change made with the session carries the session's CSRF token in `X-CSRF-TOKEN`. \
                                Errors are RFC 9457 `application/problem+json`; a `422` names every bad field in \
                                `errors`.""")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("People: a Maestro user (e.g. operator) and password"))
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(ApiKeyAuthenticationFilter.HEADER)
                                .description("Integrations: an API key issued by POST /api/api-keys")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    /** Summaries, and the problem responses of every operation. */
    @Bean
    OpenApiCustomizer maestroOperations() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> operation(path,
                    method, operation)));
        };
    }

    /** The operation's summary (written, else its method name in words) and its problem responses. */
    private static void operation(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            operation.setSummary(SUMMARIES.getOrDefault(method + " " + path, words(operation.getOperationId())));
        }
        ApiResponses responses = operation.getResponses();
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            problem(responses, "400", "The body is not valid JSON");
            problem(responses, "422", "Invalid content: every bad field is named in errors");
            if (path.startsWith("/api/orders") || path.startsWith("/api/inventory") || path.startsWith("/api/channels")) {
                problem(responses, "409", "The order or position is in a state that does not allow this (retry later)");
            }
        }
        if (path.contains("{")) {
            problem(responses, "404", "Not found");
        }
        problem(responses, "401", "Not authenticated");
        problem(responses, "403", "The role does not allow this");
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Unprocessable Entity"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().example("lines[0].quantity: must be at least 1"))
                .addProperty("instance", new StringSchema().example("/api/orders"))
                .addProperty("errors", new ArraySchema().description("Every bad field (422)").items(new ObjectSchema()
                        .addProperty("field", new StringSchema().example("lines[0].quantity"))
                        .addProperty("message", new StringSchema().example("must be at least 1"))));
    }

    /** {@code cancelLines} → "Cancel lines". */
    static String words(String operationId) {
        String spaced = operationId.replaceAll("_\\d+$", "").replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
