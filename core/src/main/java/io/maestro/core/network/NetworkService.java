package io.maestro.core.network;

import io.maestro.core.NotFoundException;
import io.maestro.core.Saved;
import io.maestro.core.Violations;
import io.maestro.core.geo.Address;
import io.maestro.core.geo.GeoPoint;
import io.maestro.core.geo.PostalCodeDirectory;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The fulfilment network: validates, geocodes and stores nodes. */
@Service
public class NetworkService {

    private static final String ID_PATTERN = "[A-Z0-9][A-Z0-9_-]{0,39}";

    private final NodeRepository nodes;
    private final PostalCodeDirectory postalCodes;

    public NetworkService(NodeRepository nodes, PostalCodeDirectory postalCodes) {
        this.nodes = nodes;
        this.postalCodes = postalCodes;
    }

    public List<Node> all() {
        return nodes.findAll();
    }

    public Optional<Node> find(String id) {
        return nodes.find(id);
    }

    public Node get(String id) {
        return nodes.find(id).orElseThrow(() -> new NotFoundException("Node", id));
    }

    /** Creates the node, or replaces the one with the same id. */
    @Transactional
    public Saved<Node> save(NodeDefinition definition) {
        Node node = validate(definition);
        return new Saved<>(node, nodes.save(node));
    }

    @Transactional
    public Node setStatus(String id, NodeStatus status) {
        Node n = get(id);
        Node changed = new Node(n.id(), n.name(), n.type(), n.address(), n.latitude(), n.longitude(), n.capabilities(),
                n.dailyCapacity(), n.cutoffTime(), n.timeZone(), n.handlingCostPerShipment(), n.handlingCostPerUnit(), status);
        nodes.save(changed);
        return changed;
    }

    private Node validate(NodeDefinition d) {
        Violations v = new Violations();
        if (v.requireText(d.id(), "id", 40)) {
            v.require(d.id().matches(ID_PATTERN), "id", "must be upper-case letters, digits, '-' or '_'");
        }
        v.requireText(d.name(), "name", 200);
        v.require(d.type() != null, "type", "is required (one of DC, STORE, THREE_PL, DROPSHIPPER)");
        v.require(d.capabilities() != null && !d.capabilities().isEmpty(), "capabilities", "must name at least one capability");
        v.require(d.dailyCapacity() != null && d.dailyCapacity() >= 0, "dailyCapacity", "is required and must be 0 or more");
        v.require(d.cutoffTime() != null, "cutoffTime", "is required (HH:mm)");
        requireMoney(v, d.handlingCostPerShipment(), "handlingCostPerShipment");
        requireMoney(v, d.handlingCostPerUnit(), "handlingCostPerUnit");
        String zone = d.timeZone() == null ? "America/New_York" : d.timeZone();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            v.add("timeZone", "unknown time zone " + zone);
        }
        GeoPoint location = locate(d, v);
        v.throwIfAny();
        Address a = d.address();
        return new Node(d.id(), d.name(), d.type(), a, location.latitude(), location.longitude(), d.capabilities(),
                d.dailyCapacity(), d.cutoffTime() == null ? LocalTime.of(17, 0) : d.cutoffTime(), zone,
                d.handlingCostPerShipment(), d.handlingCostPerUnit(), d.status() == null ? NodeStatus.OPEN : d.status());
    }

    private GeoPoint locate(NodeDefinition d, Violations v) {
        Address a = d.address();
        if (a == null) {
            v.add("address", "is required");
            return new GeoPoint(0, 0);
        }
        v.requireText(a.city(), "address.city", 100);
        v.requireText(a.region(), "address.region", 50);
        boolean hasCountry = v.requireText(a.country(), "address.country", 2);
        boolean hasPostal = v.requireText(a.postalCode(), "address.postalCode", 20);
        if (d.latitude() != null && d.longitude() != null) {
            v.require(Math.abs(d.latitude()) <= 90, "latitude", "must be between -90 and 90");
            v.require(Math.abs(d.longitude()) <= 180, "longitude", "must be between -180 and 180");
            return new GeoPoint(d.latitude(), d.longitude());
        }
        if (hasCountry && hasPostal) {
            Optional<GeoPoint> found = postalCodes.locate(a.country(), a.postalCode());
            if (found.isPresent()) {
                return found.get();
            }
            v.add("address.postalCode", "unknown postal code " + a.postalCode() + " in " + a.country()
                    + "; give latitude and longitude");
        }
        return new GeoPoint(0, 0);
    }

    private static void requireMoney(Violations v, BigDecimal value, String field) {
        v.require(value != null && value.signum() >= 0, field, "is required and must be 0 or more");
    }
}
