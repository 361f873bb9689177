package io.maestro.core.inventory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Read side of inventory: positions and ATP per channel. */
@Service
public class InventoryQueries {

    private final PositionStore positions;
    private final ChannelProtections protections;
    private final ReservationRepository reservations;
    private final NodeCapacity capacity;

    public InventoryQueries(PositionStore positions, ChannelProtections protections, ReservationRepository reservations,
                            NodeCapacity capacity) {
        this.reservations = reservations;
        this.capacity = capacity;
        this.positions = positions;
        this.protections = protections;
    }

    public Optional<InventoryPosition> position(String nodeId, String sku) {
        return positions.find(nodeId, sku);
    }

    /** Every node's stock of a SKU as {@code channel} sees it (null: with all protections held back). */
    public SkuAvailability availability(String sku, String channel) {
        return SkuAvailability.of(sku, channel, positions.availability(sku, channel));
    }

    public List<InventoryPosition> atNode(String nodeId) {
        return positions.byNode(nodeId);
    }

    public List<InventoryPosition> all() {
        return positions.all();
    }

    /**
     * Units of each node's daily capacity held today by reservations (released ones given back): what planning
     * subtracts from {@code dailyCapacity}, and what reserving holds with a conditional update.
     */
    public Map<String, Long> capacityHeldToday() {
        return capacity.heldOn(capacity.today());
    }

    public AtpSnapshot snapshot(String channel, Collection<String> skus) {
        Map<String, Double> heldBySku = new HashMap<>();
        Map<String, Map<String, Long>> atp = new HashMap<>();
        if (!skus.isEmpty()) {
            for (InventoryPosition p : positions.bySkus(skus)) {
                double held = heldBySku.computeIfAbsent(p.sku(), s -> protections.percentHeldForOthers(s, channel));
                atp.computeIfAbsent(p.nodeId(), n -> new HashMap<>())
                        .put(p.sku(), p.atp(ChannelProtections.protectedUnits(p.onHand(), held)));
            }
        }
        return new AtpSnapshot(channel, atp);
    }
}
