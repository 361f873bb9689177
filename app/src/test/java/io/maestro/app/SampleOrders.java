package io.maestro.app;

import java.util.List;
import java.util.Map;

/** Order bodies as a channel would POST them. */
public final class SampleOrders {

    private SampleOrders() {
    }

    /** The contract's example: a VIP in Brooklyn orders two black t-shirts, size M. */
    public static Map<String, Object> twoTshirtsToBrooklyn(String channelOrderId) {
        return Map.of("channel", "WEB", "channelOrderId", channelOrderId,
                "customer", Map.of("id", "C-7", "tier", "VIP", "email", "c7@example.com"),
                "shipTo", Map.of("name", "Casey Doe", "line1", "10 Jay St", "city", "Brooklyn", "region", "NY",
                        "postalCode", "11201", "country", "US"),
                "deliveryOption", "SHIP", "preference", "BALANCED", "shipComplete", false,
                "lines", List.of(Map.of("sku", "TSHIRT-BLK-M", "quantity", 2, "unitPrice", 19.90)));
    }
}
