package io.maestro.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.catalog.CatalogService;
import io.maestro.core.network.NetworkService;
import io.maestro.core.testing.PostgresProfile;
import io.maestro.core.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Intake on real PostgreSQL: the same channel order sent by many clients at once is one order. */
@SpringBootTest
class OrderIntakePostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresProfile.register(registry);
    }

    @Autowired OrderIntake intake;
    @Autowired NetworkService network;
    @Autowired CatalogService catalog;
    @Autowired JdbcTemplate jdbc;

    @Test
    void concurrentDuplicatesCreateOneOrder() throws Exception {
        TestData.seed(network, catalog);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<IntakeResult>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> intake.accept(TestData.order("W-RACE"), "web")));
        }
        List<String> ids = new ArrayList<>();
        int created = 0;
        for (Future<IntakeResult> r : results) {
            ids.add(r.get().order().orderId());
            created += r.get().created() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(created).isEqualTo(1);
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(jdbc.queryForObject("select count(*) from orders", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from order_line", Integer.class)).isEqualTo(1);
    }
}
