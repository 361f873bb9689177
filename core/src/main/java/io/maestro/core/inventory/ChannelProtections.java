package io.maestro.core.inventory;

import io.maestro.core.db.Database;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shares of a SKU's on-hand stock held back for one channel at every node (e.g. 20 % for WEB).
 * A channel's ATP excludes what is held for the other channels.
 */
@Component
public class ChannelProtections {

    public record Protection(String sku, String channel, BigDecimal percent) {
    }

    private final Database db;

    public ChannelProtections(Database db) {
        this.db = db;
    }

    /** Percent of on-hand held for channels other than {@code channel}; all protections when channel is null. */
    public double percentHeldForOthers(String sku, String channel) {
        Double pct = channel == null
                ? db.jdbc().queryForObject("select coalesce(sum(percent), 0) from channel_protection where sku = ?",
                        Double.class, sku)
                : db.jdbc().queryForObject("select coalesce(sum(percent), 0) from channel_protection where sku = ? "
                        + "and channel <> ?", Double.class, sku, channel);
        return pct == null ? 0 : Math.min(100, pct);
    }

    public List<Protection> forSku(String sku) {
        return db.jdbc().query("select sku, channel, percent from channel_protection where sku = ? order by channel",
                (rs, i) -> new Protection(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)), sku);
    }

    /** Sets the share held for a channel; 0 removes it. */
    @Transactional
    public void set(String sku, String channel, BigDecimal percent) {
        db.jdbc().update("delete from channel_protection where sku = ? and channel = ?", sku, channel);
        if (percent.signum() > 0) {
            db.jdbc().update("insert into channel_protection (sku, channel, percent) values (?, ?, ?)", sku, channel, percent);
        }
    }

    static long protectedUnits(long onHand, double percent) {
        return (long) Math.floor(onHand * percent / 100);
    }
}
