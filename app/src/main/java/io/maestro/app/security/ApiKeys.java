package io.maestro.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Integration API keys; only their SHA-256 hashes are stored. */
@Component
public class ApiKeys {

    public record ApiKey(String name, Role role) {
    }

    private final JdbcTemplate jdbc;

    public ApiKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ApiKey> find(String rawKey) {
        return jdbc.query("select name, role from api_key where key_hash = ? and not revoked",
                (rs, i) -> new ApiKey(rs.getString(1), Role.valueOf(rs.getString(2))), hash(rawKey)).stream().findFirst();
    }

    public boolean exists(String name) {
        Integer n = jdbc.queryForObject("select count(*) from api_key where name = ?", Integer.class, name);
        return n != null && n > 0;
    }

    public void create(String name, String rawKey, Role role) {
        jdbc.update("insert into api_key (name, key_hash, role, created_at, revoked) values (?, ?, ?, ?, false)", name,
                hash(rawKey), role.name(), OffsetDateTime.now());
    }

    /** Creates the key, or gives the named key a new secret. */
    public void replace(String name, String rawKey, Role role) {
        jdbc.update("delete from api_key where name = ?", name);
        create(name, rawKey, role);
    }

    static String hash(String rawKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
