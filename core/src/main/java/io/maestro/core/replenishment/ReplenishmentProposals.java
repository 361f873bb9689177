package io.maestro.core.replenishment;

import io.maestro.core.NotFoundException;
import io.maestro.core.StateConflictException;
import io.maestro.core.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Replenishment proposals: stored once per id, decided once (auto-approved, or approved / rejected by an analyst). */
@Service
public class ReplenishmentProposals {

    private static final String COLUMNS = "proposal_id, run_id, node_id, sku, on_hand, reserved, on_order, "
            + "forecast_mean, forecast_method, abc_class, review_days, lead_time_days, service_level, "
            + "min_order_quantity, pack_size, auto_approve_units, order_up_to, proposed_quantity, approved_quantity, "
            + "reason, status, decided_by, decision_note, created_at, decided_at, policy_reason";

    private final Database db;

    public ReplenishmentProposals(Database db) {
        this.db = db;
    }

    /** Stores the proposal unless one with its id exists (a step run again); the stored one back. */
    @Transactional
    public ReplenishmentProposal save(ReplenishmentProposal p) {
        ReplenishmentPolicy policy = p.policy();
        db.insertIfAbsent("insert into replenishment_proposal (" + COLUMNS + ") values "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.proposalId(), p.runId(), p.nodeId(), p.sku(), p.onHand(), p.reserved(), p.onOrder(), p.forecastMean(),
                p.forecastMethod(), p.abcClass(), policy.reviewDays(), policy.leadTimeDays(), policy.serviceLevel(),
                policy.minOrderQuantity(), policy.packSize(), policy.autoApproveUnits(), p.orderUpTo(),
                p.proposedQuantity(), p.approvedQuantity(), p.reason(), p.status().name(), p.decidedBy(),
                p.decisionNote(), p.createdAt(), p.decidedAt(), policy.reason());
        return get(p.proposalId());
    }

    public ReplenishmentProposal get(String proposalId) {
        return find(proposalId).orElseThrow(() -> new NotFoundException("replenishment proposal", proposalId));
    }

    public Optional<ReplenishmentProposal> find(String proposalId) {
        return db.jdbc().query("select " + COLUMNS + " from replenishment_proposal where proposal_id = ?",
                ReplenishmentProposals::map, proposalId).stream().findFirst();
    }

    /** Proposals of a node (all nodes when null), in a status (any when null), newest first. */
    public List<ReplenishmentProposal> list(String nodeId, ProposalStatus status, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from replenishment_proposal where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (nodeId != null) {
            sql.append(" and node_id = ?");
            args.add(nodeId);
        }
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status.name());
        }
        sql.append(" order by created_at desc, proposal_id limit ").append(limit);
        return db.jdbc().query(sql.toString(), ReplenishmentProposals::map, args.toArray());
    }

    /** When each SKU at the node was last proposed for (the review clock of the scheduled runs). */
    public Map<String, OffsetDateTime> lastProposedAt(String nodeId) {
        Map<String, OffsetDateTime> last = new HashMap<>();
        db.jdbc().query("select sku, max(created_at) from replenishment_proposal where node_id = ? group by sku",
                rs -> {
                    last.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                }, nodeId);
        return last;
    }

    /**
     * Units per SKU at the node that proposals will order and no purchase order counts yet: undecided proposals
     * (their proposed quantity) and approved ones whose purchase order is not written yet. A review counts them as
     * on order, so a shortfall is proposed once.
     */
    public Map<String, Long> pendingAt(String nodeId) {
        Map<String, Long> pending = new HashMap<>();
        db.jdbc().query("select p.sku, sum(case when p.status = ? then p.proposed_quantity else p.approved_quantity end) "
                        + "from replenishment_proposal p where p.node_id = ? and (p.status = ? or p.status in (?, ?) "
                        + "and not exists (select 1 from purchase_order o where o.proposal_id = p.proposal_id)) "
                        + "group by p.sku", rs -> {
                    pending.put(rs.getString(1), rs.getLong(2));
                }, ProposalStatus.PROPOSED.name(), nodeId, ProposalStatus.PROPOSED.name(),
                ProposalStatus.APPROVED.name(), ProposalStatus.AUTO_APPROVED.name());
        return pending;
    }

    /** Approves a proposal within its policy's threshold as proposed, without a person. */
    @Transactional
    public ReplenishmentProposal autoApprove(String proposalId) {
        ReplenishmentProposal p = get(proposalId);
        if (!p.autoApprovable()) {
            throw new StateConflictException("proposal " + proposalId + " of " + p.proposedQuantity()
                    + " units is above the auto-approve threshold of " + p.policy().autoApproveUnits());
        }
        return decide(proposalId, ProposalStatus.AUTO_APPROVED, p.proposedQuantity(), "replenishment-policy",
                "within the auto-approve threshold of " + p.policy().autoApproveUnits() + " units");
    }

    /**
     * An analyst's decision: {@code quantity} (the proposed one, or another when edited) is approved, or the proposal
     * rejected. Decided once: deciding again as before changes nothing, otherwise it is a conflict.
     */
    @Transactional
    public ReplenishmentProposal decide(String proposalId, ProposalStatus status, Long quantity, String actor,
                                        String note) {
        if (status == ProposalStatus.PROPOSED) {
            throw new IllegalArgumentException("a decision approves or rejects");
        }
        Long approved = status == ProposalStatus.REJECTED ? null : quantity;
        if (approved != null && approved < 1) {
            throw new IllegalArgumentException("an approved quantity is at least 1: " + approved);
        }
        int updated = db.jdbc().update("update replenishment_proposal set status = ?, approved_quantity = ?, "
                        + "decided_by = ?, decision_note = ?, decided_at = ? where proposal_id = ? and status = ?",
                status.name(), approved, actor, note, db.now(), proposalId, ProposalStatus.PROPOSED.name());
        ReplenishmentProposal now = get(proposalId);
        if (updated == 0 && (now.status() != status || !Objects.equals(now.approvedQuantity(), approved))) {
            throw new StateConflictException("proposal " + proposalId + " was already decided: " + now.status());
        }
        return now;
    }

    private static ReplenishmentProposal map(ResultSet rs, int row) throws SQLException {
        ReplenishmentPolicy policy = new ReplenishmentPolicy(true, rs.getInt("review_days"), rs.getInt("lead_time_days"),
                rs.getDouble("service_level"), rs.getInt("min_order_quantity"), rs.getInt("pack_size"),
                rs.getInt("auto_approve_units"), rs.getString("policy_reason"));
        Long approved = rs.getObject("approved_quantity", Long.class);
        return new ReplenishmentProposal(rs.getString("proposal_id"), rs.getString("run_id"), rs.getString("node_id"),
                rs.getString("sku"), rs.getLong("on_hand"), rs.getLong("reserved"), rs.getLong("on_order"),
                rs.getDouble("forecast_mean"), rs.getString("forecast_method"), rs.getString("abc_class"), policy,
                rs.getLong("order_up_to"), rs.getLong("proposed_quantity"), approved,
                rs.getString("reason"), ProposalStatus.valueOf(rs.getString("status")), rs.getString("decided_by"),
                rs.getString("decision_note"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("decided_at", OffsetDateTime.class));
    }
}
