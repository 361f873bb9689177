package io.maestro.app.api;

import io.maestro.core.Saved;
import io.maestro.core.catalog.CatalogService;
import io.maestro.core.catalog.Sku;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/skus")
public class SkuController {

    private final CatalogService catalog;

    public SkuController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    public Page<Sku> list(@RequestParam(required = false) String category, @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        return new Page<>(catalog.page(category, paging.offset(), size), page, size, catalog.count(category));
    }

    @GetMapping("/{sku}")
    public Sku get(@PathVariable String sku) {
        return catalog.get(sku);
    }

    /** Creates a SKU (201) or replaces the one with the same code (200). */
    @PostMapping
    public ResponseEntity<Sku> save(@RequestBody Sku sku) {
        Saved<Sku> saved = catalog.save(sku);
        return Upserts.response(saved, "/api/skus/" + saved.value().sku());
    }
}
