package io.maestro.processes;

import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/**
 * Bean {@code ids}: the comma-separated shipment ids the allocation worker returns, as the list a
 * multi-instance activity iterates ({@code collection="${ids.split(executeShipmentIds)}"}).
 */
@Component("ids")
public class ShipmentIdList {

    public List<String> split(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public String join(String first, String second) {
        return String.join(",", java.util.stream.Stream.concat(split(first).stream(), split(second).stream()).distinct().toList());
    }
}
