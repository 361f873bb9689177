package io.maestro.app.security;

import io.maestro.core.StateConflictException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * API keys of integrations and machines; only the SHA-256 of each secret is stored, the secret itself is shown once
 * when the key is issued. A revoked key stays listed (who had access, until when) and authenticates nothing.
 * Keys held in memory only (the in-process worker's) are never stored and end with the process.
 */
@Component
public class ApiKeys {

    public record ApiKey(String name, Role role) {
    }

    /** A stored key as administrators see it: never its secret. */
    public record Listed(String id, String name, Role role, OffsetDateTime createdAt, boolean revoked) {
    }

    /** A key just issued: the only time its secret is shown. */
    public record Issued(String id, String name, Role role, OffsetDateTime createdAt, String key) {
    }

    /** Leftovers of earlier versions, which stored a new key for the in-process worker on every start. */
    static final String STORED_WORKER_KEYS = "in-process-worker@%";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Map<String, ApiKey> inMemory = new ConcurrentHashMap<>();

    public ApiKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ApiKey> find(String rawKey) {
        String hash = hash(rawKey);
        ApiKey held = inMemory.get(hash);
        if (held != null) {
            return Optional.of(held);
        }
        return jdbc.query("select name, role from api_key where key_hash = ? and not revoked",
                (rs, i) -> new ApiKey(rs.getString(1), Role.valueOf(rs.getString(2))), hash).stream().findFirst();
    }

    public boolean exists(String name) {
        Integer n = jdbc.queryForObject("select count(*) from api_key where name = ?", Integer.class, name);
        return n != null && n > 0;
    }

    public void create(String name, String rawKey, Role role) {
        jdbc.update("insert into api_key (name, key_hash, role, created_at, revoked) values (?, ?, ?, ?, false)", name,
                hash(rawKey), role.name(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Issues a new key with a fresh random secret; a name that exists (revoked or not) is a conflict. */
    public Issued issue(String name, Role role) {
        String secret = newSecret();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            jdbc.update("insert into api_key (name, key_hash, role, created_at, revoked) values (?, ?, ?, ?, false)", name,
                    hash(secret), role.name(), now);
        } catch (DuplicateKeyException e) {
            throw new StateConflictException("An API key named " + name + " exists; names are never reused");
        }
        return new Issued(name, name, role, now, secret);
    }

    public List<Listed> list(int offset, int limit) {
        return jdbc.query("select name, role, created_at, revoked from api_key order by created_at, name offset ? rows "
                + "fetch next ? rows only", (rs, i) -> new Listed(rs.getString(1), rs.getString(1),
                Role.valueOf(rs.getString(2)), rs.getObject(3, OffsetDateTime.class), rs.getBoolean(4)), offset, limit);
    }

    public long count() {
        Long n = jdbc.queryForObject("select count(*) from api_key", Long.class);
        return n == null ? 0 : n;
    }

    public Optional<Listed> get(String name) {
        return jdbc.query("select name, role, created_at, revoked from api_key where name = ?", (rs, i) -> new Listed(
                rs.getString(1), rs.getString(1), Role.valueOf(rs.getString(2)), rs.getObject(3, OffsetDateTime.class),
                rs.getBoolean(4)), name).stream().findFirst();
    }

    /** Revokes the key at once (the next request with it is refused); true when it was active until now. */
    public boolean revoke(String name) {
        return jdbc.update("update api_key set revoked = true where name = ? and not revoked", name) == 1;
    }

    /** A key valid only in this process, as long as it runs: nothing is stored. */
    public void holdInMemory(String name, String rawKey, Role role) {
        inMemory.put(hash(rawKey), new ApiKey(name, role));
    }

    /** Removes the worker keys earlier versions stored on every start; returns how many there were. */
    public int removeStoredWorkerKeys() {
        return jdbc.update("delete from api_key where name like ?", STORED_WORKER_KEYS);
    }

    static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "mk_" + HexFormat.of().formatHex(secret);
    }

    static String hash(String rawKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
