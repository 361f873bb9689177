package io.maestro.core.catalog;

import io.maestro.core.NotFoundException;
import io.maestro.core.Saved;
import io.maestro.core.Violations;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog of SKUs. */
@Service
public class CatalogService {

    private static final String SKU_PATTERN = "[A-Z0-9][A-Z0-9._-]{0,63}";

    private final SkuRepository skus;

    public CatalogService(SkuRepository skus) {
        this.skus = skus;
    }

    public Optional<Sku> find(String sku) {
        return skus.find(sku);
    }

    public Sku get(String sku) {
        return skus.find(sku).orElseThrow(() -> new NotFoundException("SKU", sku));
    }

    public List<Sku> page(String category, int offset, int limit) {
        return skus.findPage(category, offset, limit);
    }

    public long count(String category) {
        return skus.count(category);
    }

    /** Creates the SKU, or replaces the one with the same code. */
    @Transactional
    public Saved<Sku> save(Sku sku) {
        Violations v = new Violations();
        if (v.requireText(sku.sku(), "sku", 64)) {
            v.require(sku.sku().matches(SKU_PATTERN), "sku", "must be upper-case letters, digits, '.', '-' or '_'");
        }
        v.requireText(sku.name(), "name", 200);
        v.requireText(sku.category(), "category", 50);
        positive(v, sku.weightKg(), "weightKg");
        positive(v, sku.lengthCm(), "lengthCm");
        positive(v, sku.widthCm(), "widthCm");
        positive(v, sku.heightCm(), "heightCm");
        v.throwIfAny();
        return new Saved<>(sku, skus.save(sku));
    }

    private static void positive(Violations v, BigDecimal value, String field) {
        v.require(value != null && value.signum() > 0, field, "is required and must be greater than 0");
    }
}
