package io.maestro.core.inventory;

import io.maestro.core.ContentHash;
import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.NotFoundException;
import io.maestro.core.Violations;
import io.maestro.core.catalog.SkuRepository;
import io.maestro.core.network.NodeRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to stock: adjustments, counts, safety stock, reservations and their release,
 * consumption and moves. Each change is one ledger entry plus the matching position update in the
 * same transaction.
 */
@Service
public class InventoryLedger {

    static final String EVENT_SCOPE = "inventory";

    private final PositionStore positions;
    private final LedgerRepository ledger;
    private final ReservationRepository reservations;
    private final ChannelProtections protections;
    private final ProcessedEvents processedEvents;
    private final NodeRepository nodes;
    private final SkuRepository skus;
    private final ApplicationEventPublisher events;
    private final ReserveStep reserveStep;
    private final NodeCapacity capacity;

    public InventoryLedger(PositionStore positions, LedgerRepository ledger, ReservationRepository reservations,
                           ChannelProtections protections, ProcessedEvents processedEvents, NodeRepository nodes,
                           SkuRepository skus, ApplicationEventPublisher events, ReserveStep reserveStep,
                           NodeCapacity capacity) {
        this.reserveStep = reserveStep;
        this.capacity = capacity;
        this.positions = positions;
        this.ledger = ledger;
        this.reservations = reservations;
        this.protections = protections;
        this.processedEvents = processedEvents;
        this.nodes = nodes;
        this.skus = skus;
        this.events = events;
    }

    /**
     * Applies an adjustment once per event id: the same id again with the same change is a duplicate, with another
     * change it is refused ({@link io.maestro.core.IdempotencyConflictException}). On-hand never goes below zero.
     */
    @Transactional
    public AdjustmentResult adjust(Adjustment a, String actor) {
        validate(a, nodes::exists, sku -> skus.find(sku).isPresent());
        ProcessedEvents.Seen seen = processedEvents.see(EVENT_SCOPE, a.eventId(), a.contentHash());
        if (seen == ProcessedEvents.Seen.WITH_OTHER_CONTENT) {
            throw a.reusedForOtherChange();
        }
        if (seen == ProcessedEvents.Seen.AGAIN) {
            return new AdjustmentResult(a.eventId(), true,
                    positions.find(a.nodeId(), a.sku()).orElse(InventoryPosition.empty(a.nodeId(), a.sku())));
        }
        InventoryPosition before = positions.lock(a.nodeId(), a.sku());
        List<LedgerEntry> entries = entries(before, a, actor);
        for (LedgerEntry e : entries) {
            positions.apply(e.nodeId(), e.sku(), e.onHandDelta(), e.reservedDelta(), e.safetyStockDelta());
            ledger.append(e);
        }
        InventoryPosition after = plus(before, entries);
        events.publishEvent(new InventoryPositionChanged(before, after, changeType(a)));
        return new AdjustmentResult(a.eventId(), false, after);
    }

    /**
     * Applies adjustments in their order in one transaction, each as {@link #adjust} would (once per event id,
     * on-hand never below zero, one position-changed event each), with one batched statement per table instead
     * of statements per adjustment: for callers that take events in batches (device streams), each adjustment with
     * its own actor. A refused one (or an event id reused for another change) rolls back all of them; an event id a
     * concurrent transaction is taking throws {@link org.springframework.dao.DuplicateKeyException}.
     */
    @Transactional
    public List<AdjustmentResult> adjustAll(List<Adjustment> adjustments, Function<Adjustment, String> actorOf) {
        if (adjustments.isEmpty()) {
            return List.of();
        }
        Map<String, Boolean> knownNodes = new HashMap<>();
        Set<String> knownSkus = skus.existing(adjustments.stream().map(Adjustment::sku).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        for (Adjustment a : adjustments) {
            validate(a, node -> knownNodes.computeIfAbsent(node, nodes::exists), knownSkus::contains);
        }
        // Event ids are claimed in sorted order, so two batches sharing ids cannot deadlock on processed_event.
        List<Adjustment> byEventId = adjustments.stream().sorted(Comparator.comparing(Adjustment::eventId)).toList();
        ProcessedEvents.Batch seen = processedEvents.seeAll(EVENT_SCOPE, byEventId.stream().map(Adjustment::eventId).toList(),
                byEventId.stream().map(Adjustment::contentHash).toList());
        adjustments.stream().filter(a -> seen.reusedWithOtherContent().contains(a.eventId())).findFirst().ifPresent(a -> {
            throw a.reusedForOtherChange();
        });
        Set<String> firstTimes = seen.firstTimes();
        Map<PositionKey, InventoryPosition> read = positions.lockAll(adjustments.stream()
                .filter(a -> firstTimes.contains(a.eventId())).map(a -> new PositionKey(a.nodeId(), a.sku())).toList());
        Map<PositionKey, InventoryPosition> now = new TreeMap<>(read);
        List<LedgerEntry> entries = new ArrayList<>();
        List<InventoryPositionChanged> changes = new ArrayList<>();
        List<AdjustmentResult> results = new ArrayList<>(adjustments.size());
        for (Adjustment a : adjustments) {
            PositionKey key = new PositionKey(a.nodeId(), a.sku());
            if (!firstTimes.remove(a.eventId())) {
                InventoryPosition current = now.containsKey(key) ? now.get(key)
                        : positions.find(a.nodeId(), a.sku()).orElse(InventoryPosition.empty(a.nodeId(), a.sku()));
                results.add(new AdjustmentResult(a.eventId(), true, current));
                continue;
            }
            InventoryPosition before = now.get(key);
            List<LedgerEntry> made = entries(before, a, actorOf.apply(a));
            InventoryPosition after = plus(before, made);
            entries.addAll(made);
            now.put(key, after);
            changes.add(new InventoryPositionChanged(before, after, changeType(a)));
            results.add(new AdjustmentResult(a.eventId(), false, after));
        }
        positions.applyAll(read, now);
        if (!entries.isEmpty()) {
            ledger.appendAll(entries);
        }
        changes.forEach(events::publishEvent);
        return results;
    }

    /** The ledger entries an adjustment makes of a position (none when it changes nothing); never below 0 on hand. */
    private static List<LedgerEntry> entries(InventoryPosition before, Adjustment a, String actor) {
        String reason = a.reason() == null ? "" : a.reason();
        List<LedgerEntry> entries = new ArrayList<>(2);
        if (a.delta() != null || a.setOnHand() != null) {
            long target = a.delta() != null ? before.onHand() + a.delta() : a.setOnHand();
            if (target < 0) {
                throw new InvalidRequestException("delta", "would take onHand of " + a.sku() + " at "
                        + a.nodeId() + " from " + before.onHand() + " to " + target + "; onHand never goes below 0");
            }
            if (target != before.onHand()) {
                LedgerEntryType type = a.delta() != null ? LedgerEntryType.ADJUSTMENT : LedgerEntryType.COUNT;
                entries.add(new LedgerEntry(a.nodeId(), a.sku(), type, target - before.onHand(), 0, 0, reason, a.eventId(),
                        null, actor));
            }
        }
        if (a.setSafetyStock() != null && a.setSafetyStock() != before.safetyStock()) {
            entries.add(new LedgerEntry(a.nodeId(), a.sku(), LedgerEntryType.SAFETY_STOCK, 0, 0,
                    a.setSafetyStock() - before.safetyStock(), reason, a.eventId(), null, actor));
        }
        return entries;
    }

    private static InventoryPosition plus(InventoryPosition p, List<LedgerEntry> entries) {
        InventoryPosition sum = p;
        for (LedgerEntry e : entries) {
            sum = new InventoryPosition(sum.nodeId(), sum.sku(), sum.onHand() + e.onHandDelta(), sum.reserved() + e.reservedDelta(),
                    sum.safetyStock() + e.safetyStockDelta());
        }
        return sum;
    }

    private static LedgerEntryType changeType(Adjustment a) {
        return a.delta() != null ? LedgerEntryType.ADJUSTMENT
                : a.setOnHand() != null ? LedgerEntryType.COUNT : LedgerEntryType.SAFETY_STOCK;
    }

    /**
     * A transfer's units leave a node: its on-hand goes down by {@code units} (entry {@link LedgerEntryType#TRANSFER_OUT},
     * once per event id) when its ATP with every channel's protection held back covers them. False, with nothing
     * written, when it does not (the position is locked while it checks, so nothing takes the units meanwhile). The
     * caller moves a transfer out once (a repeated event id is not checked against the stock again).
     */
    @Transactional
    public boolean transferOut(String eventId, String nodeId, String sku, long units, String reason, String actor) {
        requireUnits(units);
        InventoryPosition before = positions.lock(nodeId, sku);
        long held = ChannelProtections.protectedUnits(before.onHand(), protections.percentHeldForOthers(sku, null));
        if (before.atp(held) < units) {
            return false;
        }
        ProcessedEvents.Seen seen = processedEvents.see(EVENT_SCOPE, eventId,
                ContentHash.of(LedgerEntryType.TRANSFER_OUT.name(), nodeId, sku, units));
        if (seen != ProcessedEvents.Seen.FIRST) {
            return seen == ProcessedEvents.Seen.AGAIN;
        }
        InventoryPosition after = change(before, LedgerEntryType.TRANSFER_OUT, -units, 0, 0, reason, eventId, null, actor);
        events.publishEvent(new InventoryPositionChanged(before, after, LedgerEntryType.TRANSFER_OUT));
        return true;
    }

    /**
     * The units a node could give away to a transfer now: its ATP with every channel's protection held back (the
     * check {@link #transferOut} makes).
     */
    public long transferable(String nodeId, String sku) {
        InventoryPosition p = positions.find(nodeId, sku).orElse(InventoryPosition.empty(nodeId, sku));
        return p.atp(ChannelProtections.protectedUnits(p.onHand(), protections.percentHeldForOthers(sku, null)));
    }

    /** A transfer's units arrived at a node: its on-hand grows by {@code units} (once per event id). */
    @Transactional
    public InventoryPosition transferIn(String eventId, String nodeId, String sku, long units, String reason, String actor) {
        requireUnits(units);
        InventoryPosition before = positions.lock(nodeId, sku);
        ProcessedEvents.Seen seen = processedEvents.see(EVENT_SCOPE, eventId,
                ContentHash.of(LedgerEntryType.TRANSFER_IN.name(), nodeId, sku, units));
        if (seen == ProcessedEvents.Seen.WITH_OTHER_CONTENT) {
            throw new IdempotencyConflictException("eventId", "eventId " + eventId
                    + " was already used for another change");
        }
        if (seen == ProcessedEvents.Seen.AGAIN) {
            return before;
        }
        InventoryPosition after = change(before, LedgerEntryType.TRANSFER_IN, units, 0, 0, reason, eventId, null, actor);
        events.publishEvent(new InventoryPositionChanged(before, after, LedgerEntryType.TRANSFER_IN));
        return after;
    }

    /**
     * Writes off a transfer's units lost in transit: a {@link LedgerEntryType#TRANSFER_LOSS} entry at the node they
     * left (once per event id); no position changes, the units left it when they were released.
     */
    @Transactional
    public void transferLoss(String eventId, String nodeId, String sku, long units, String reason, String actor) {
        requireUnits(units);
        if (processedEvents.see(EVENT_SCOPE, eventId, ContentHash.of(LedgerEntryType.TRANSFER_LOSS.name(),
                nodeId, sku, units)) == ProcessedEvents.Seen.FIRST) {
            ledger.append(new LedgerEntry(nodeId, sku, LedgerEntryType.TRANSFER_LOSS, 0, 0, 0, reason, eventId, null, actor));
        }
    }

    private static void requireUnits(long units) {
        if (units < 1) {
            throw new IllegalArgumentException("a transfer moves at least 1 unit: " + units);
        }
    }

    /**
     * Reserves every request or none, and holds the units of each node's daily capacity today (see
     * {@link NodeCapacity}): a node without that much capacity left refuses with
     * {@link NodeCapacityExhaustedException}. A request whose reservation id exists already is skipped, so a
     * retried call reserves nothing twice. Rows are taken in (node, SKU) order, the capacity counters after them
     * in node order, so concurrent multi-line reservations cannot deadlock.
     */
    @Transactional
    public List<Reservation> reserve(String channel, List<ReservationRequest> requests, String actor) {
        return reserve(channel, requests, actor, true);
    }

    /**
     * As {@link #reserve(String, List, String)}; with {@code holdCapacity} false the units hold none of the node's
     * daily capacity (the goods are already where they are handed over, e.g. a transfer received for pickup).
     */
    @Transactional
    public List<Reservation> reserve(String channel, List<ReservationRequest> requests, String actor, boolean holdCapacity) {
        return reserve(channel, requests, actor, holdCapacity, new ArrayList<>());
    }

    /**
     * As {@link #reserve(String, List, String)} for a caller that makes one set of reservations once: false, with
     * nothing changed, when every one of them was made before (by an earlier call, or a concurrent one that committed
     * first: the reservation rows decide, whatever this transaction read before).
     */
    @Transactional
    public boolean reserveOnce(String channel, List<ReservationRequest> requests, String actor) {
        List<String> already = new ArrayList<>();
        reserve(channel, requests, actor, true, already);
        return already.size() < requests.size();
    }

    private List<Reservation> reserve(String channel, List<ReservationRequest> requests, String actor,
                                      boolean holdCapacity, List<String> already) {
        List<ReservationRequest> ordered = new ArrayList<>(requests);
        ordered.sort(Comparator.comparing(ReservationRequest::nodeId).thenComparing(ReservationRequest::sku)
                .thenComparing(ReservationRequest::reservationId));
        LocalDate day = holdCapacity ? capacity.today() : null;
        SortedMap<String, Long> unitsByNode = new TreeMap<>();
        List<Reservation> done = new ArrayList<>();
        for (ReservationRequest r : ordered) {
            validate(r);
            switch (reserveStep.reserve(r, channel, actor, day)) {
                case ALREADY_RESERVED -> {
                    already.add(r.reservationId());
                    done.add(reservations.find(r.reservationId()).orElseThrow());
                }
                case INSUFFICIENT -> throw insufficient(r.nodeId(), r.sku(), r.quantity(), channel);
                case RESERVED -> {
                    unitsByNode.merge(r.nodeId(), r.quantity(), Long::sum);
                    done.add(new Reservation(r.reservationId(), r.orderId(), r.lineNo(), r.nodeId(), r.sku(),
                            r.quantity(), ReservationStatus.ACTIVE));
                }
            }
        }
        if (day != null) {
            String full = capacity.hold(unitsByNode, day);
            if (full != null) {
                throw new NodeCapacityExhaustedException(full, unitsByNode.get(full), capacity.left(full, day));
            }
        }
        return done;
    }

    /** Gives reserved units back to ATP; releasing twice changes nothing. */
    @Transactional
    public void release(String reservationId, String reason, String actor) {
        if (reservations.find(reservationId).isEmpty()) {
            throw new NotFoundException("Reservation", reservationId);
        }
        releaseAll(List.of(reservationId), reason, actor);
    }

    /**
     * Gives the units of several reservations back to ATP (and the node capacity they held), in one transaction:
     * the reservations locked in id order, then their positions in (node, SKU) order, so it cannot deadlock with
     * another path. Unknown or finished reservations are skipped.
     */
    @Transactional
    public void releaseAll(Collection<String> reservationIds, String reason, String actor) {
        List<Reservation> active = activeLocked(reservationIds);
        Map<PositionKey, InventoryPosition> now = new TreeMap<>(positions.lockAll(active.stream().map(InventoryLedger::key).toList()));
        List<Reservation> released = new ArrayList<>();
        for (Reservation r : sortedByPosition(active)) {
            if (!reservations.finish(r.id(), ReservationStatus.RELEASED)) {
                continue;
            }
            InventoryPosition before = now.get(key(r));
            InventoryPosition after = change(before, LedgerEntryType.RELEASE, 0, -r.quantity(), 0, reason, null, r.id(), actor);
            now.put(key(r), after);
            released.add(r);
            events.publishEvent(new InventoryPositionChanged(before, after, LedgerEntryType.RELEASE));
        }
        // capacity counters only after every position, as reserving takes them
        for (Reservation r : released) {
            reservations.capacityDay(r.id()).ifPresent(day -> capacity.giveBack(r.nodeId(), day, r.quantity()));
        }
    }

    /**
     * Gives some of a reservation's units back to ATP (a line partly cancelled); the rest stay reserved under
     * the same id. Taking all of them is {@link #release}.
     */
    @Transactional
    public void shrink(String reservationId, long units, String reason, String actor) {
        Reservation r = reservations.lock(reservationId).orElseThrow(() -> new NotFoundException("Reservation", reservationId));
        if (units <= 0 || !reservations.reduce(reservationId, units)) {
            throw new InventoryConflictException("Reservation " + reservationId + " (" + r.status() + ", " + r.quantity()
                    + " units) cannot give back " + units + " units");
        }
        InventoryPosition before = positions.lock(r.nodeId(), r.sku());
        InventoryPosition after = change(before, LedgerEntryType.RELEASE, 0, -units, 0, reason, null, reservationId, actor);
        events.publishEvent(new InventoryPositionChanged(before, after, LedgerEntryType.RELEASE));
    }

    /** The reserved units left the node (shipped or handed over); consuming twice changes nothing. */
    @Transactional
    public void consume(String reservationId, String reason, String actor) {
        if (reservations.find(reservationId).isEmpty()) {
            throw new NotFoundException("Reservation", reservationId);
        }
        consumeAll(List.of(reservationId), reason, actor);
    }

    /**
     * The units of several reservations left their node, in one transaction, locked as {@link #releaseAll} locks.
     * Unknown or finished reservations are skipped.
     */
    @Transactional
    public void consumeAll(Collection<String> reservationIds, String reason, String actor) {
        List<Reservation> active = activeLocked(reservationIds);
        Map<PositionKey, InventoryPosition> now = new TreeMap<>(positions.lockAll(active.stream().map(InventoryLedger::key).toList()));
        for (Reservation r : sortedByPosition(active)) {
            if (!reservations.finish(r.id(), ReservationStatus.CONSUMED)) {
                continue;
            }
            InventoryPosition before = now.get(key(r));
            if (!positions.tryConsume(r.nodeId(), r.sku(), r.quantity())) {
                throw new InventoryConflictException("Cannot ship " + r.quantity() + " " + r.sku() + " from " + r.nodeId()
                        + ": only " + before.onHand() + " on hand");
            }
            ledger.append(new LedgerEntry(r.nodeId(), r.sku(), LedgerEntryType.CONSUME, -r.quantity(), -r.quantity(), 0,
                    reason, null, r.id(), actor));
            InventoryPosition after = new InventoryPosition(r.nodeId(), r.sku(), before.onHand() - r.quantity(),
                    before.reserved() - r.quantity(), before.safetyStock());
            now.put(key(r), after);
            events.publishEvent(new InventoryPositionChanged(before, after, LedgerEntryType.CONSUME));
        }
    }

    /**
     * Locks the positions of the given (node, SKU) pairs in (node, SKU) order, creating empty ones where needed: for
     * a caller about to change several positions in one transaction (its later changes find the rows locked), so
     * that no two transactions take the same rows in opposite orders.
     */
    @Transactional
    public void lockPositions(Collection<PositionKey> keys) {
        if (!keys.isEmpty()) {
            positions.lockAll(keys);
        }
    }

    private List<Reservation> activeLocked(Collection<String> reservationIds) {
        return reservations.lockAll(reservationIds).stream().filter(r -> r.status() == ReservationStatus.ACTIVE).toList();
    }

    private static List<Reservation> sortedByPosition(List<Reservation> list) {
        return list.stream().sorted(Comparator.comparing(InventoryLedger::key).thenComparing(Reservation::id)).toList();
    }

    private static PositionKey key(Reservation r) {
        return new PositionKey(r.nodeId(), r.sku());
    }

    /** Moves an active reservation to another node, all or nothing: the new node must have the units available. */
    @Transactional
    public Reservation move(String reservationId, String toNodeId, String channel, String reason, String actor) {
        Reservation r = reservations.lock(reservationId).orElseThrow(() -> new NotFoundException("Reservation", reservationId));
        if (r.status() != ReservationStatus.ACTIVE) {
            throw new InventoryConflictException("Reservation " + reservationId + " is " + r.status() + ", not ACTIVE");
        }
        if (!nodes.exists(toNodeId)) {
            throw new InvalidRequestException("toNodeId", "unknown node " + toNodeId);
        }
        if (r.nodeId().equals(toNodeId)) {
            return r;
        }
        lockInOrder(r.nodeId(), toNodeId, r.sku());
        if (!positions.tryReserve(toNodeId, r.sku(), r.quantity(), channel)) {
            throw insufficient(toNodeId, r.sku(), r.quantity(), channel);
        }
        Optional<LocalDate> day = reservations.capacityDay(reservationId);
        if (day.isPresent()) {
            capacity.giveBack(r.nodeId(), day.get(), r.quantity());
            if (capacity.hold(new TreeMap<>(Map.of(toNodeId, r.quantity())), day.get()) != null) {
                throw new NodeCapacityExhaustedException(toNodeId, r.quantity(), capacity.left(toNodeId, day.get()));
            }
        }
        ledger.append(new LedgerEntry(toNodeId, r.sku(), LedgerEntryType.RESERVE, 0, r.quantity(), 0,
                "moved from " + r.nodeId() + ": " + reason, null, reservationId, actor));
        InventoryPosition from = positions.lock(r.nodeId(), r.sku());
        InventoryPosition after = change(from, LedgerEntryType.RELEASE, 0, -r.quantity(), 0, "moved to " + toNodeId + ": " + reason,
                null, reservationId, actor);
        reservations.moveTo(reservationId, toNodeId);
        events.publishEvent(new InventoryPositionChanged(from, after, LedgerEntryType.RELEASE));
        return new Reservation(r.id(), r.orderId(), r.lineNo(), toNodeId, r.sku(), r.quantity(), r.status());
    }

    public Optional<Reservation> reservation(String id) {
        return reservations.find(id);
    }

    public List<Reservation> reservationsOf(String orderId) {
        return reservations.forOrder(orderId);
    }

    /** Active reservations at a position, newest first: the ones to take back first when the stock is not there. */
    public List<Reservation> activeReservationsAt(String nodeId, String sku) {
        return reservations.activeAt(nodeId, sku);
    }

    public List<LedgerEntry> entries(String nodeId, String sku) {
        return ledger.entriesFor(nodeId, sku);
    }

    private InsufficientStockException insufficient(String nodeId, String sku, long requested, String channel) {
        InventoryPosition p = positions.find(nodeId, sku).orElse(InventoryPosition.empty(nodeId, sku));
        long held = ChannelProtections.protectedUnits(p.onHand(), protections.percentHeldForOthers(sku, channel));
        return new InsufficientStockException(nodeId, sku, requested, p.atp(held));
    }

    private void lockInOrder(String nodeA, String nodeB, String sku) {
        boolean aFirst = nodeA.compareTo(nodeB) < 0;
        positions.lock(aFirst ? nodeA : nodeB, sku);
        positions.lock(aFirst ? nodeB : nodeA, sku);
    }

    private InventoryPosition change(InventoryPosition p, LedgerEntryType type, long onHandDelta, long reservedDelta,
                                     long safetyDelta, String reason, String eventId, String reservationId, String actor) {
        if (onHandDelta == 0 && reservedDelta == 0 && safetyDelta == 0) {
            return p;
        }
        positions.apply(p.nodeId(), p.sku(), onHandDelta, reservedDelta, safetyDelta);
        ledger.append(new LedgerEntry(p.nodeId(), p.sku(), type, onHandDelta, reservedDelta, safetyDelta, reason, eventId,
                reservationId, actor));
        return new InventoryPosition(p.nodeId(), p.sku(), p.onHand() + onHandDelta, p.reserved() + reservedDelta,
                p.safetyStock() + safetyDelta);
    }

    private static void validate(Adjustment a, Predicate<String> nodeExists, Predicate<String> skuExists) {
        Violations v = new Violations();
        v.requireText(a.eventId(), "eventId", 120);
        if (v.requireText(a.nodeId(), "nodeId", 40)) {
            v.require(nodeExists.test(a.nodeId()), "nodeId", "unknown node " + a.nodeId());
        }
        if (v.requireText(a.sku(), "sku", 64)) {
            v.require(skuExists.test(a.sku()), "sku", "unknown SKU " + a.sku());
        }
        v.require(a.delta() == null || a.setOnHand() == null, "setOnHand", "give either delta or setOnHand, not both");
        v.require(a.delta() != null || a.setOnHand() != null || a.setSafetyStock() != null, "delta",
                "one of delta, setOnHand or setSafetyStock is required");
        v.require(a.setOnHand() == null || a.setOnHand() >= 0, "setOnHand", "must be 0 or more");
        v.require(a.setSafetyStock() == null || a.setSafetyStock() >= 0, "setSafetyStock", "must be 0 or more");
        v.require(a.delta() == null || Math.abs(a.delta()) <= 1_000_000_000L, "delta", "must be within ±1,000,000,000");
        v.require(a.reason() == null || a.reason().length() <= 300, "reason", "must be at most 300 characters");
        v.throwIfAny();
    }

    private void validate(ReservationRequest r) {
        Violations v = new Violations();
        v.requireText(r.reservationId(), "reservationId", 80);
        v.requireText(r.orderId(), "orderId", 40);
        v.requireText(r.nodeId(), "nodeId", 40);
        v.requireText(r.sku(), "sku", 64);
        v.require(r.quantity() > 0, "quantity", "must be greater than 0");
        v.throwIfAny();
    }
}
