package io.maestro.app.console;

import io.maestro.app.exceptions.OrderException;
import io.maestro.app.kpi.KpiPeriod;
import io.maestro.core.deadletter.DeadLetterStatus;
import io.maestro.core.order.OrderStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The console's pages as shells: layout, navigation, who is logged in with their roles, and the session's CSRF token.
 * Everything a page shows or sends goes through the REST API from {@code console.js}, under the API's rules; the
 * query parameters (filters, the SKU, the period) are read there too. The shells know only the vocabulary (the
 * enums a filter offers), never a service.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/console")
public class ConsolePages {

    @GetMapping
    String home() {
        return "redirect:/console/orders";
    }

    @GetMapping("/orders")
    String orders(Model model) {
        model.addAttribute("statuses", OrderStatus.values());
        return "console/orders";
    }

    @GetMapping("/orders/{orderId}")
    String order(@PathVariable String orderId, Model model) {
        model.addAttribute("orderId", orderId);
        return "console/order";
    }

    @GetMapping("/exceptions")
    String exceptions(Model model) {
        model.addAttribute("kinds", OrderException.Kind.values());
        return "console/exceptions";
    }

    @GetMapping("/inventory")
    String inventory() {
        return "console/inventory";
    }

    @GetMapping("/kpis")
    String kpis(Model model) {
        model.addAttribute("periods", KpiPeriod.values());
        return "console/kpis";
    }

    @GetMapping("/rules")
    String rules() {
        return "console/rules";
    }

    @GetMapping("/dead-letters")
    String deadLetters(Model model) {
        model.addAttribute("statuses", DeadLetterStatus.values());
        return "console/dead-letters";
    }
}
