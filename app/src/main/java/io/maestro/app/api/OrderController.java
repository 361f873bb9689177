package io.maestro.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.core.audit.TimelineEntry;
import io.maestro.core.geo.Address;
import io.maestro.core.order.ShipmentCost;
import io.maestro.core.order.IntakeResult;
import io.maestro.core.order.NewOrder;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderFilter;
import io.maestro.core.order.OrderIntake;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.core.command.CommandIdConflictException;
import io.maestro.core.command.CommandStatus;
import io.maestro.core.command.OrderCommand;
import io.maestro.core.command.OrderHolds;
import io.maestro.core.order.LineQuantities;
import io.maestro.core.order.OrderLineQuantities;
import io.maestro.processes.command.OrderCommands;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

    /** Why (optional for cancel and release, required for hold) and the client's optional idempotency key. */
    public record ReasonRequest(String reason, String commandId) {
    }

    /** A new ship-to address for what has not been released yet. */
    public record ChangeRequest(Address shipTo, String commandId) {
    }

    /** Units of single lines to cancel. */
    public record LinesCancelRequest(List<OrderCommands.LineCancel> lines, String reason, String commandId) {
    }

    /**
     * A command and what came of it: {@code APPLIED} took effect, {@code RECEIVED} is stored and applied as soon as
     * the order's process is free, {@code REFUSED} could not (answered 409 with the reason); {@code queuedAt} is set
     * when it was answered 202 before it was applied.
     */
    public record CommandOutcome(String commandId, String orderId, String command, CommandStatus status, String reason,
                                 String actor, OffsetDateTime receivedAt, OffsetDateTime decidedAt,
                                 OffsetDateTime queuedAt) {
        static CommandOutcome of(OrderCommand c) {
            return new CommandOutcome(c.commandId(), c.orderId(), c.type().name(), c.status(), c.reason(), c.actor(),
                    c.receivedAt(), c.decidedAt(), c.queuedAt());
        }
    }

    /**
     * An order with where each line stands, whether an operator holds it, and each shipment's carrier cost as
     * allocation estimated it and as its label cost.
     */
    public record OrderView(@JsonUnwrapped Order order, boolean held, OrderHolds.Hold hold,
                            List<LineQuantities> lineQuantities, List<ShipmentCost> shipmentCosts) {
    }

    private final OrderIntake intake;
    private final OrderService orders;
    private final OrderCommands commands;
    private final OrderHolds holds;
    private final OrderLineQuantities quantities;
    private final ObjectMapper json;

    public OrderController(OrderIntake intake, OrderService orders, OrderCommands commands, OrderHolds holds,
                           OrderLineQuantities quantities, ObjectMapper json) {
        this.intake = intake;
        this.orders = orders;
        this.commands = commands;
        this.holds = holds;
        this.quantities = quantities;
        this.json = json;
    }

    /** Cancels what has not shipped: 202 when it will take effect, 409 with the reason when it cannot. */
    @PostMapping("/{orderId}/cancel")
    public ResponseEntity<?> cancel(@PathVariable String orderId, @RequestBody(required = false) ReasonRequest request,
                                    Principal principal) {
        ReasonRequest r = request == null ? new ReasonRequest(null, null) : request;
        return answer(commands.cancel(orderId, r.reason(), r.commandId(), principal.getName()));
    }

    /** Sends the order elsewhere: what is not released yet is planned again; refused once a node has a shipment. */
    @PostMapping("/{orderId}/change")
    public ResponseEntity<?> change(@PathVariable String orderId, @RequestBody ChangeRequest request, Principal principal) {
        return answer(commands.changeShipTo(orderId, request.shipTo(), request.commandId(), principal.getName()));
    }

    /** Holds the order: nothing more is allocated or released to nodes until it is released. */
    @PostMapping("/{orderId}/hold")
    public ResponseEntity<?> hold(@PathVariable String orderId, @RequestBody(required = false) ReasonRequest request,
                                  Principal principal) {
        ReasonRequest r = request == null ? new ReasonRequest(null, null) : request;
        return answer(commands.hold(orderId, r.reason(), r.commandId(), principal.getName()));
    }

    /** Ends an operator's hold: the order goes on where it waited. */
    @PostMapping("/{orderId}/release")
    public ResponseEntity<?> release(@PathVariable String orderId, @RequestBody(required = false) ReasonRequest request,
                                     Principal principal) {
        ReasonRequest r = request == null ? new ReasonRequest(null, null) : request;
        return answer(commands.release(orderId, r.reason(), r.commandId(), principal.getName()));
    }

    /** Cancels units of single lines that are not released yet; all or nothing. */
    @PostMapping("/{orderId}/lines/cancel")
    public ResponseEntity<?> cancelLines(@PathVariable String orderId, @RequestBody LinesCancelRequest request,
                                         Principal principal) {
        return answer(commands.cancelLines(orderId, request.lines(), request.reason(), request.commandId(),
                principal.getName()));
    }

    /** Every command sent to the order, oldest first, with what came of it. */
    @GetMapping("/{orderId}/commands")
    public List<CommandOutcome> commands(@PathVariable String orderId) {
        return commands.of(orderId).stream().map(CommandOutcome::of).toList();
    }

    @ExceptionHandler(CommandIdConflictException.class)
    ResponseEntity<ProblemDetail> commandIdReused(CommandIdConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("commandId already used");
        problem.setProperty("errors", List.of(java.util.Map.of("field", "commandId", "message", e.getMessage())));
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<?> answer(OrderCommand command) {
        if (command.status() == CommandStatus.REFUSED) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, command.reason());
            problem.setTitle("Command refused");
            problem.setProperty("commandId", command.commandId());
            problem.setProperty("command", command.type().name());
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.accepted().body(CommandOutcome.of(command));
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
    public OrderView get(@PathVariable String orderId) {
        Order order = orders.get(orderId);
        OrderHolds.Hold hold = holds.find(orderId).orElse(null);
        return new OrderView(order, hold != null, hold, quantities.of(order), orders.shipmentCosts(order.orderId()));
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
