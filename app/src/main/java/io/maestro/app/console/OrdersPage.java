package io.maestro.app.console;

import io.maestro.app.exceptions.OpenExceptions;
import io.maestro.app.exceptions.OrderException;
import io.maestro.core.audit.TimelineEntry;
import io.maestro.core.command.CommandStatus;
import io.maestro.core.command.OrderCommand;
import io.maestro.core.command.OrderHolds;
import io.maestro.core.geo.Address;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLineQuantities;
import io.maestro.core.order.OrderService;
import io.maestro.core.order.OrderStatus;
import io.maestro.processes.command.OrderCommands;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Orders in the console: the list with its filters and search, an order's page, and the commands an operator sends
 * from it. Commands go through {@link OrderCommands} as the API's do: accepted ones lead back to the order with
 * the outcome (202 in the API), refused ones show the order again with the reason and status 409.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/console")
public class OrdersPage {

    private static final int LIST_LIMIT = 200;
    /** Timeline entries that carry the allocation's explanation as their reason. */
    private static final Set<String> PLAN_EVENTS = Set.of("ALLOCATED", "REALLOCATED", "REOPTIMISED");

    private final OrderSearch search;
    private final OrderService orders;
    private final OrderHolds holds;
    private final OrderLineQuantities quantities;
    private final OrderCommands commands;
    private final OpenExceptions exceptions;

    public OrdersPage(OrderSearch search, OrderService orders, OrderHolds holds, OrderLineQuantities quantities,
                      OrderCommands commands, OpenExceptions exceptions) {
        this.search = search;
        this.orders = orders;
        this.holds = holds;
        this.quantities = quantities;
        this.commands = commands;
        this.exceptions = exceptions;
    }

    @GetMapping
    String home() {
        return "redirect:/console/orders";
    }

    @GetMapping("/orders")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(required = false) String channel, @RequestParam(required = false) Integer olderThanHours,
                @RequestParam(required = false) String node, @RequestParam(defaultValue = "false") boolean attention,
                Model model) {
        Set<String> needAttention = attention ? exceptions.list(null, 0, Integer.MAX_VALUE).items().stream()
                .map(OrderException::orderId).collect(Collectors.toSet()) : null;
        List<OrderSearch.Row> rows = search.find(new OrderSearch.Criteria(q, status, channel, olderThanHours, node,
                needAttention), LIST_LIMIT);
        model.addAttribute("rows", rows);
        model.addAttribute("limit", LIST_LIMIT);
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("channels", search.channels());
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("olderThanHours", olderThanHours);
        model.addAttribute("node", node);
        model.addAttribute("attention", attention);
        return "console/orders";
    }

    @GetMapping("/orders/{orderId}")
    String order(@PathVariable String orderId, Model model) {
        Order order = orders.get(orderId);
        List<TimelineEntry> timeline = orders.timeline(orderId);
        model.addAttribute("order", order);
        model.addAttribute("hold", holds.find(orderId).orElse(null));
        model.addAttribute("quantities", quantities.of(order));
        model.addAttribute("timeline", newestFirst(timeline));
        model.addAttribute("explanation", timeline.stream().filter(e -> PLAN_EVENTS.contains(e.type()))
                .reduce((first, second) -> second).orElse(null));
        model.addAttribute("commands", newestFirst(commands.of(orderId)));
        model.addAttribute("exceptions", exceptions.list(null, 0, Integer.MAX_VALUE).items().stream()
                .filter(e -> e.orderId().equals(orderId)).toList());
        return "console/order";
    }

    @PostMapping("/orders/{orderId}/cancel")
    ModelAndView cancel(@PathVariable String orderId, @RequestParam(required = false) String reason, Principal who,
                        RedirectAttributes redirect, Model model) {
        return answer(orderId, commands.cancel(orderId, reason, null, who.getName()), redirect, model);
    }

    @PostMapping("/orders/{orderId}/hold")
    ModelAndView hold(@PathVariable String orderId, @RequestParam(required = false) String reason, Principal who,
                      RedirectAttributes redirect, Model model) {
        return answer(orderId, commands.hold(orderId, reason, null, who.getName()), redirect, model);
    }

    @PostMapping("/orders/{orderId}/release")
    ModelAndView release(@PathVariable String orderId, @RequestParam(required = false) String reason, Principal who,
                         RedirectAttributes redirect, Model model) {
        return answer(orderId, commands.release(orderId, reason, null, who.getName()), redirect, model);
    }

    @PostMapping("/orders/{orderId}/change")
    ModelAndView change(@PathVariable String orderId, @RequestParam String name, @RequestParam String line1,
                        @RequestParam(required = false) String line2, @RequestParam String city,
                        @RequestParam String region, @RequestParam String postalCode, @RequestParam String country,
                        Principal who, RedirectAttributes redirect,
                        Model model) {
        Address shipTo = new Address(name, line1, blankToNull(line2), city, region, postalCode, country);
        return answer(orderId, commands.changeShipTo(orderId, shipTo, null, who.getName()), redirect, model);
    }

    @PostMapping("/orders/{orderId}/lines/cancel")
    ModelAndView cancelLine(@PathVariable String orderId, @RequestParam Integer lineNo, @RequestParam Integer quantity,
                            @RequestParam(required = false) String reason, Principal who, RedirectAttributes redirect,
                        Model model) {
        return answer(orderId, commands.cancelLines(orderId, List.of(new OrderCommands.LineCancel(lineNo, quantity)),
                reason, null, who.getName()), redirect, model);
    }

    private ModelAndView answer(String orderId, OrderCommand command, RedirectAttributes redirect, Model model) {
        String what = command.type().name().toLowerCase().replace('_', ' ');
        if (command.status() == CommandStatus.REFUSED) {
            model.addAttribute("refused", "Refused (409): " + what + " — " + command.reason());
            return new ModelAndView(order(orderId, model), model.asMap(), HttpStatus.CONFLICT);
        }
        redirect.addFlashAttribute("accepted", "Accepted (202): " + what + " is "
                + command.status().name().toLowerCase() + (command.reason() == null ? "" : " — " + command.reason()));
        return new ModelAndView("redirect:/console/orders/" + orderId);
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> copy = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
