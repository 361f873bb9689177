package io.maestro.integrations.channels;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * An order as a web-store platform posts it (a Shopify-like shape): only the fields Maestro uses, the rest is
 * ignored. Sent with {@code Content-Type: application/vnd.maestro.webstore+json}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebStoreOrder(String id, String email, WebStoreCustomer customer,
                            @JsonProperty("shipping_address") ShippingAddress shippingAddress,
                            @JsonProperty("line_items") List<LineItem> lineItems) {

    /** {@code tags} holds the store's customer tags; "VIP" or "PREMIUM" among them sets the tier. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WebStoreCustomer(String id, String tags) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ShippingAddress(String name, String address1, String address2, String city,
                                  @JsonProperty("province_code") String provinceCode, String zip,
                                  @JsonProperty("country_code") String countryCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LineItem(String sku, Integer quantity, BigDecimal price) {
    }
}
