package io.maestro.core.catalog;

import io.maestro.core.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class SkuRepository {

    private static final String COLUMNS = "sku, name, category, weight_kg, length_cm, width_cm, height_cm, hazmat, oversize";

    private final Database db;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public SkuRepository(Database db) {
        this.db = db;
        this.jdbc = db.jdbc();
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public Optional<Sku> find(String sku) {
        return jdbc.query("select " + COLUMNS + " from sku where sku = ?", SkuRepository::map, sku).stream().findFirst();
    }

    public List<Sku> findPage(String category, int offset, int limit) {
        if (category == null) {
            return jdbc.query("select " + COLUMNS + " from sku order by sku limit ? offset ?", SkuRepository::map, limit, offset);
        }
        return jdbc.query("select " + COLUMNS + " from sku where category = ? order by sku limit ? offset ?",
                SkuRepository::map, category, limit, offset);
    }

    public long count(String category) {
        Long n = category == null
                ? jdbc.queryForObject("select count(*) from sku", Long.class)
                : jdbc.queryForObject("select count(*) from sku where category = ?", Long.class, category);
        return n == null ? 0 : n;
    }

    /** The subset of the given codes that exist in the catalog. */
    public Set<String> existing(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.queryForList("select sku from sku where sku in (:skus)",
                java.util.Map.of("skus", skus), String.class));
    }

    /** Inserts or updates; true when the SKU is new. */
    public boolean save(Sku s) {
        int updated = jdbc.update("update sku set name = ?, category = ?, weight_kg = ?, length_cm = ?, width_cm = ?, "
                + "height_cm = ?, hazmat = ?, oversize = ? where sku = ?", s.name(), s.category(), s.weightKg(),
                s.lengthCm(), s.widthCm(), s.heightCm(), s.hazmat(), s.oversize(), s.sku());
        if (updated == 1) {
            return false;
        }
        jdbc.update("insert into sku (" + COLUMNS + ", created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.sku(), s.name(),
                s.category(), s.weightKg(), s.lengthCm(), s.widthCm(), s.heightCm(), s.hazmat(), s.oversize(), db.now());
        return true;
    }

    private static Sku map(ResultSet rs, int row) throws SQLException {
        return new Sku(rs.getString("sku"), rs.getString("name"), rs.getString("category"), rs.getBigDecimal("weight_kg"),
                rs.getBigDecimal("length_cm"), rs.getBigDecimal("width_cm"), rs.getBigDecimal("height_cm"),
                rs.getBoolean("hazmat"), rs.getBoolean("oversize"));
    }
}
