package io.maestro.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.audit.TimelineEntry;
import io.maestro.core.geo.Address;
import io.maestro.core.order.IntakeResult;
import io.maestro.core.order.NewOrder;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderFilter;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.processes.OrderRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/orders")
public class OrderController {

    public record Accepted(String orderId, OrderStatus status) {
    }

    public record Timeline(String orderId, List<Entry> entries) {
        public record Entry(long sequence, OffsetDateTime at, String type, String status, String actor, String reason,
                            JsonNode details) {
        }
    }

    /** Why an order is cancelled; optional. */
    public record CancelRequest(String reason) {
    }

    /** A new ship-to address for what has not been released yet. */
    public record ChangeRequest(Address shipTo) {
    }

    /** The request reached the order's process; what it did shows on the timeline. */
    public record RequestAccepted(String orderId, String request) {
    }

    private final OrderIntake intake;
    private final OrderService orders;
    private final OrderRequests requests;
    private final ObjectMapper json;

    public OrderController(OrderIntake intake, OrderService orders, OrderRequests requests, ObjectMapper json) {
        this.intake = intake;
        this.orders = orders;
        this.requests = requests;
        this.json = json;
    }

    /** Cancels what has not shipped: 202 when the order's process took the request, 409 when it is finished. */
    @PostMapping("/{orderId}/cancel")
    public ResponseEntity<RequestAccepted> cancel(@PathVariable String orderId,
                                                  @RequestBody(required = false) CancelRequest request, Principal principal) {
        requests.cancel(orderId, request == null ? null : request.reason(), principal.getName());
        return ResponseEntity.accepted().body(new RequestAccepted(orderId, OrderRequests.CANCEL));
    }

    /** Sends the order elsewhere: what is not released yet is planned again for the new address. */
    @PostMapping("/{orderId}/change")
    public ResponseEntity<RequestAccepted> change(@PathVariable String orderId, @RequestBody ChangeRequest request,
                                                  Principal principal) {
        requests.changeShipTo(orderId, request.shipTo(), principal.getName());
        return ResponseEntity.accepted().body(new RequestAccepted(orderId, OrderRequests.CHANGE));
    }

    /** Accepts an order: 201 when new, 200 with the existing order when the channel sent it before. */
    @PostMapping
    public ResponseEntity<Accepted> accept(@RequestBody NewOrder order, Principal principal) {
        IntakeResult result = intake.accept(order, principal.getName());
        Accepted body = new Accepted(result.order().orderId(), result.order().status());
        if (!result.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create("/api/orders/" + body.orderId())).body(body);
    }

    @GetMapping("/{orderId}")
    public Order get(@PathVariable String orderId) {
        return orders.get(orderId);
    }

    @GetMapping
    public Page<Order> list(@RequestParam(required = false) OrderStatus status,
                            @RequestParam(required = false) String channel,
                            @RequestParam(required = false) String customerId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime createdFrom,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime createdTo,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        OrderFilter filter = new OrderFilter(status, channel, customerId, createdFrom, createdTo);
        return new Page<>(orders.list(filter, paging.offset(), size), page, size, orders.count(filter));
    }

    @GetMapping("/{orderId}/timeline")
    public Timeline timeline(@PathVariable String orderId) {
        List<Timeline.Entry> entries = orders.timeline(orderId).stream().map(this::entry).toList();
        return new Timeline(orderId, entries);
    }

    private Timeline.Entry entry(TimelineEntry e) {
        try {
            JsonNode details = e.detailsJson() == null ? null : json.readTree(e.detailsJson());
            return new Timeline.Entry(e.sequence(), e.at(), e.type(), e.status(), e.actor(), e.reason(), details);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
