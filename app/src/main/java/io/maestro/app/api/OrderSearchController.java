package io.maestro.app.api;

import io.maestro.app.exceptions.OpenExceptions;
import io.maestro.app.exceptions.OrderException;
import io.maestro.core.Violations;
import io.maestro.core.order.OrderStatus;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finding orders as a person does: by order id, channel order id, customer e-mail or tracking number, narrowed by
 * status, channel, age, shipping node and whether the order needs attention (is in the exceptions queue).
 */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/orders")
public class OrderSearchController {

    /** The matches, newest first, at most {@code limit} of them. */
    public record Found(List<OrderSearch.Row> items, int limit) {
    }

    static final int DEFAULT_LIMIT = 200;

    private final OrderSearch search;
    private final OpenExceptions exceptions;

    public OrderSearchController(OrderSearch search, OpenExceptions exceptions) {
        this.search = search;
        this.exceptions = exceptions;
    }

    @GetMapping("/search")
    public Found search(@RequestParam(required = false) String q, @RequestParam(required = false) OrderStatus status,
                        @RequestParam(required = false) String channel,
                        @RequestParam(required = false) Integer olderThanHours,
                        @RequestParam(required = false) String node,
                        @RequestParam(defaultValue = "false") boolean attention,
                        @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        Violations v = new Violations();
        v.require(olderThanHours == null || olderThanHours >= 0, "olderThanHours", "must be 0 or more");
        v.require(limit >= 1 && limit <= Paging.MAX_SIZE, "limit", "must be between 1 and " + Paging.MAX_SIZE);
        v.throwIfAny();
        Set<String> needAttention = attention ? exceptions.list(null, 0, Integer.MAX_VALUE).items().stream()
                .map(OrderException::orderId).collect(Collectors.toSet()) : null;
        OrderSearch.Criteria criteria = new OrderSearch.Criteria(q, status == null ? null : status.name(), channel,
                olderThanHours, node, needAttention);
        return new Found(search.find(criteria, limit), limit);
    }

    /** The channels orders came from. */
    @GetMapping("/channels")
    public List<String> channels() {
        return search.channels();
    }
}
