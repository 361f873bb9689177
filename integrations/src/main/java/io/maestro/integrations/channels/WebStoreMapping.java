package io.maestro.integrations.channels;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.Violation;
import io.maestro.core.geo.Address;
import io.maestro.core.order.Customer;
import io.maestro.core.order.CustomerTier;
import io.maestro.core.order.NewOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A web-store order to the canonical order, and the canonical field names of a rejection back to the store's. */
public final class WebStoreMapping {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("channelOrderId", "id"), Map.entry("customer.email", "email"), Map.entry("customer", "customer"),
            Map.entry("shipTo", "shipping_address"), Map.entry("shipTo.line1", "shipping_address.address1"),
            Map.entry("shipTo.line2", "shipping_address.address2"), Map.entry("shipTo.region", "shipping_address.province_code"),
            Map.entry("shipTo.postalCode", "shipping_address.zip"), Map.entry("shipTo.country", "shipping_address.country_code"),
            Map.entry("shipTo.name", "shipping_address.name"), Map.entry("shipTo.city", "shipping_address.city"),
            Map.entry("lines", "line_items"));

    private WebStoreMapping() {
    }

    public static NewOrder toNewOrder(String channel, WebStoreOrder o) {
        WebStoreOrder.WebStoreCustomer c = o.customer();
        String customerId = c != null && c.id() != null ? c.id() : o.email();
        Customer customer = new Customer(customerId, tier(c == null ? null : c.tags()), o.email());
        WebStoreOrder.ShippingAddress a = o.shippingAddress();
        Address shipTo = a == null ? null : new Address(a.name(), a.address1(), a.address2(), a.city(), a.provinceCode(),
                a.zip(), a.countryCode());
        List<NewOrder.Line> lines = o.lineItems() == null ? null : o.lineItems().stream()
                .map(l -> l == null ? null : new NewOrder.Line(l.sku(), l.quantity(), l.price())).toList();
        return new NewOrder(channel, o.id(), customer, shipTo, null, null, null, null, lines);
    }

    /** The same rejection, naming the fields as the web store sent them ({@code line_items[0].price}). */
    public static InvalidRequestException inStoreTerms(InvalidRequestException e) {
        return new InvalidRequestException(e.violations().stream()
                .map(v -> new Violation(storeField(v.field()), v.message())).toList());
    }

    static String storeField(String field) {
        if (field.startsWith("lines[")) {
            return field.replaceFirst("^lines\\[", "line_items[").replace(".unitPrice", ".price");
        }
        return FIELDS.getOrDefault(field, field);
    }

    private static CustomerTier tier(String tags) {
        if (tags == null) {
            return null;
        }
        List<String> all = Arrays.stream(tags.split(",")).map(t -> t.trim().toUpperCase(Locale.ROOT)).toList();
        return all.contains("VIP") ? CustomerTier.VIP : all.contains("PREMIUM") ? CustomerTier.PREMIUM : null;
    }
}
