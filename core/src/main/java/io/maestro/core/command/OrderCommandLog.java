package io.maestro.core.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.maestro.core.db.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/**
 * The stored commands of orders. A command is received once per {@code commandId}: the same id with the same
 * content finds the stored command, with other content it is refused. Callers choose the transactions.
 */
@Repository
public class OrderCommandLog {

    /** A command as stored; {@code first} is false when its id had been received before. */
    public record Received(OrderCommand command, boolean first) {
    }

    private static final ObjectMapper CANONICAL = JsonMapper.builder().findAndAddModules()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final String COLUMNS = "command_id, order_id, type, payload, content_hash, actor, status, reason, "
            + "attempts, received_at, decided_at";
    private static final String READ = COLUMNS + ", queued_at";

    private final Database db;

    public OrderCommandLog(Database db) {
        this.db = db;
    }

    /** Stores a new command as RECEIVED (a missing id is made up), or finds the one stored under its id. */
    public Received receive(String commandId, String orderId, CommandType type, Map<String, ?> payload, String actor) {
        String id = commandId == null || commandId.isBlank() ? UUID.randomUUID().toString() : commandId;
        String canonical = canonical(payload);
        String hash = sha256(orderId + "\n" + type + "\n" + canonical);
        boolean inserted = db.insertIfAbsent("insert into order_command (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, orderId, type.name(), canonical, hash, actor, CommandStatus.RECEIVED.name(), null, 0, db.now(), null);
        OrderCommand stored = find(id).orElseThrow(() -> new IllegalStateException("Command " + id + " vanished"));
        if (!inserted && !stored.contentHash().equals(hash)) {
            throw new CommandIdConflictException(id);
        }
        return new Received(stored, inserted);
    }

    public Optional<OrderCommand> find(String commandId) {
        return db.jdbc().query("select " + READ + " from order_command where command_id = ?", OrderCommandLog::map,
                commandId).stream().findFirst();
    }

    /** Locks a command still waiting to be applied, so one applier at a time decides it; empty once decided. */
    public Optional<OrderCommand> lockReceived(String commandId) {
        return db.jdbc().query("select " + READ + " from order_command where command_id = ? and status = ? for update",
                OrderCommandLog::map, commandId, CommandStatus.RECEIVED.name()).stream().findFirst();
    }

    public List<OrderCommand> ofOrder(String orderId) {
        return db.jdbc().query("select " + READ + " from order_command where order_id = ? order by received_at, command_id",
                OrderCommandLog::map, orderId);
    }

    /** Whether a command of this type already took effect on the order. */
    public boolean anyApplied(String orderId, CommandType type) {
        Integer n = db.jdbc().queryForObject("select count(*) from order_command where order_id = ? and type = ? and status = ?",
                Integer.class, orderId, type.name(), CommandStatus.APPLIED.name());
        return n != null && n > 0;
    }

    /**
     * Locks the order's row (so a command being applied to it waits, and it waits for one) and tells whether a cancel
     * took effect: a plan made for a cancelled order must not reserve anything. In the caller's transaction.
     */
    public boolean lockAndCheckCancelled(String orderId) {
        db.jdbc().queryForList("select id from orders where id = ? for update", String.class, orderId);
        return anyApplied(orderId, CommandType.CANCEL);
    }

    /** Commands still waiting, received before {@code before}, oldest first. */
    public List<String> waiting(OffsetDateTime before, int limit) {
        return db.jdbc().queryForList("select command_id from order_command where status = ? and received_at < ? "
                + "order by received_at fetch first " + limit + " rows only", String.class, CommandStatus.RECEIVED.name(), before);
    }

    public void decide(String commandId, CommandStatus status, String reason) {
        db.jdbc().update("update order_command set status = ?, reason = ?, decided_at = ?, attempts = attempts + 1 "
                + "where command_id = ?", status.name(), truncate(reason), db.now(), commandId);
    }

    /** Counts an attempt that could not decide the command (the process was busy): it is queued from now on. */
    public void attempted(String commandId) {
        db.jdbc().update("update order_command set attempts = attempts + 1, queued_at = coalesce(queued_at, ?) "
                + "where command_id = ?", db.now(), commandId);
    }

    private static OrderCommand map(ResultSet rs, int row) throws SQLException {
        return new OrderCommand(rs.getString(1), rs.getString(2), CommandType.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), CommandStatus.valueOf(rs.getString(7)), rs.getString(8), rs.getInt(9),
                rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class),
                rs.getObject(12, OffsetDateTime.class));
    }

    static String canonical(Map<String, ?> payload) {
        try {
            return CANONICAL.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Command payload is not serialisable", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
