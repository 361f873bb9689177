package io.maestro.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.maestro.core.partner.ErpGateway;
import io.maestro.core.partner.PartnerRefusedException;
import io.maestro.core.partner.PartnerUnavailableException;
import io.maestro.core.partner.RefundRequest;
import io.maestro.core.partner.ReplenishmentRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An ERP that is down or failing, over real sockets: the gateway retries (2 retries in the tests) and then throws
 * {@link PartnerUnavailableException}; a request the ERP refuses (4xx) is not retried.
 */
@SpringBootTest(classes = RoutesTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "maestro.data-dir=target/test-data/erp-failure")
class ErpGatewayFailureTest {

    static final AtomicInteger CALLS = new AtomicInteger();
    static final AtomicInteger STATUS = new AtomicInteger(503);
    static final HttpServer FAILING_ERP = failingErp();

    @Autowired ErpGateway erp;

    @DynamicPropertySource
    static void erpEndpoints(DynamicPropertyRegistry registry) {
        registry.add("maestro.erp.refunds-url", () -> "http://localhost:" + closedPort() + "/refunds");
        registry.add("maestro.erp.purchase-orders-url",
                () -> "http://localhost:" + FAILING_ERP.getAddress().getPort() + "/purchase-orders");
    }

    @BeforeEach
    void reset() {
        CALLS.set(0);
    }

    @AfterAll
    static void stop() {
        FAILING_ERP.stop(0);
    }

    @Test
    void anUnreachableErpIsUnavailable() {
        assertThatThrownBy(() -> erp.requestRefund(new RefundRequest("RF-9", "ORD-9", "RET-9", BigDecimal.TEN, "USD", "x")))
                .isInstanceOf(PartnerUnavailableException.class)
                .hasMessageContaining("ERP unavailable: refund RF-9");
    }

    @Test
    void anErpAnswering503IsTriedThreeTimesThenUnavailable() {
        STATUS.set(503);

        assertThatThrownBy(() -> erp.requestReplenishment(new ReplenishmentRequest("PO-9", "DC-BKN", "SKU", 5, "low")))
                .isInstanceOf(PartnerUnavailableException.class)
                .hasMessageContaining("purchase order PO-9");
        assertThat(CALLS.get()).isEqualTo(3);
    }

    @Test
    void aRequestTheErpRefusesIsNotRetried() {
        STATUS.set(422);

        assertThatThrownBy(() -> erp.requestReplenishment(new ReplenishmentRequest("PO-8", "DC-BKN", "SKU", 5, "low")))
                .isInstanceOfSatisfying(PartnerRefusedException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(422);
                    assertThat(refused.getMessage()).startsWith("ERP refused (422): purchase order PO-8");
                });
        assertThat(CALLS.get()).isEqualTo(1);
    }

    private static HttpServer failingErp() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/purchase-orders", exchange -> {
                CALLS.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(STATUS.get(), -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on: taken from the system, then let go. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
