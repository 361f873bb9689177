package io.maestro.processes.pickup;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Timings and reach of store pickup exceptions (maestro.pickup.*).
 *
 * @param transferArrivalWithin how long a transfer to the pickup store may take before the pickup is cancelled
 * @param offerAnswerWithin     how long the customer has to accept another store
 * @param nearbyStoreMiles      how far another store may be to count as nearby
 */
@ConfigurationProperties("maestro.pickup")
public record PickupProperties(Duration transferArrivalWithin, Duration offerAnswerWithin, Double nearbyStoreMiles) {

    public PickupProperties {
        transferArrivalWithin = transferArrivalWithin == null ? Duration.ofDays(3) : transferArrivalWithin;
        offerAnswerWithin = offerAnswerWithin == null ? Duration.ofDays(1) : offerAnswerWithin;
        nearbyStoreMiles = nearbyStoreMiles == null ? 25.0 : nearbyStoreMiles;
    }
}
