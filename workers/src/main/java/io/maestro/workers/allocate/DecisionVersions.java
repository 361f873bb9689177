package io.maestro.workers.allocate;

import io.maestro.core.NotFoundException;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.catalog.Sku;
import io.maestro.core.db.Database;
import io.maestro.core.order.Order;
import io.maestro.core.order.OrderLine;
import io.maestro.core.order.OrderService;
import io.maestro.core.rollout.Rollout;
import io.maestro.core.rollout.RolloutStatus;
import io.maestro.core.rollout.RolloutStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which version of a decision table decides for an order: the latest deployed, unless a rollout gives the order's
 * slice another. The one choice every node makes: an engine's business rule tasks bind to it, and DMN
 * {@code carrier-selection} is evaluated in it for the optimiser and the label step, also in a worker that runs no
 * engine. It reads the shared database: the rollouts ({@link RolloutStore}) and the versions the engine deployed
 * (its table {@code ACT_RE_DECISION_DEF}). What a node knows of a table (its latest version, its latest rollout) is
 * read again every {@link #REFRESH}, and at once after {@link #forget} (a change made through this node): another
 * node's change applies here at most that long after.
 */
@Component
public class DecisionVersions {

    public static final Duration REFRESH = Duration.ofSeconds(5);

    private final RolloutStore store;
    private final OrderService orders;
    private final CatalogService catalog;
    private final Database db;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** What this node knows of one table, and since when. */
    private record Known(int latestVersion, Optional<Rollout> rollout, long readAtNanos) {
    }

    public DecisionVersions(RolloutStore store, OrderService orders, CatalogService catalog, Database db) {
        this.store = store;
        this.orders = orders;
        this.catalog = catalog;
        this.db = db;
    }

    /**
     * The version of {@code decisionKey} that decides for order {@code orderId} now (null: an order outside any slice):
     * the latest deployed version, unless a rollout says otherwise.
     *
     * @throws NotFoundException when no version of the table is deployed
     */
    public int versionFor(String decisionKey, String orderId) {
        Known table = known(decisionKey);
        if (table.rollout().isEmpty()) {
            return table.latestVersion();
        }
        Rollout rollout = table.rollout().get();
        boolean inSlice = rollout.status() == RolloutStatus.ACTIVE && orderId != null && inSlice(rollout, orderId);
        return rollout.versionFor(inSlice, table.latestVersion());
    }

    /** Reads the table again at its next use (after a deployment or a rollout change through this node). */
    public void forget(String decisionKey) {
        known.remove(decisionKey);
    }

    private boolean inSlice(Rollout rollout, String orderId) {
        Optional<Order> order = orders.find(orderId);
        if (order.isEmpty()) {
            return false;
        }
        Set<String> categories = order.get().lines().stream().map(OrderLine::sku).distinct()
                .map(catalog::find).flatMap(Optional::stream).map(Sku::category).collect(Collectors.toSet());
        return rollout.slice().contains(rollout.id(), orderId, order.get().shipTo().region(), order.get().channel(),
                categories);
    }

    private Known known(String decisionKey) {
        Known table = known.get(decisionKey);
        if (table == null || System.nanoTime() - table.readAtNanos() > REFRESH.toNanos()) {
            Integer latest = db.jdbc().queryForObject("select max(VERSION_) from ACT_RE_DECISION_DEF where KEY_ = ? "
                    + "and TENANT_ID_ is null", Integer.class, decisionKey);
            if (latest == null) {
                throw new NotFoundException("Decision", decisionKey);
            }
            table = new Known(latest, store.latest(decisionKey), System.nanoTime());
            known.put(decisionKey, table);
        }
        return table;
    }
}
