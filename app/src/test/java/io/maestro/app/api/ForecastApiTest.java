package io.maestro.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.app.Api;
import io.maestro.app.MaestroTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@MaestroTest
class ForecastApiTest {

    @LocalServerPort int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void anyoneReadsAForecastWithItsQuantilesMethodAndBacktest() {
        Api.Response response = api.get("/api/forecasts/TSHIRT-BLK-M?nodeId=DC-OLEAN&horizon=7", Api.Auth.user("viewer"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode forecast = response.json();
        assertThat(forecast.get("sku").asText()).isEqualTo("TSHIRT-BLK-M");
        assertThat(forecast.get("nodeId").asText()).isEqualTo("DC-OLEAN");
        assertThat(forecast.get("bucket").asText()).isEqualTo("DAY");
        assertThat(forecast.get("mean")).hasSize(7);
        assertThat(forecast.get("quantiles").has("0.95")).isTrue();
        assertThat(forecast.get("method").asText()).isNotBlank();
        assertThat(forecast.has("backtestError") && forecast.has("parameters") && forecast.has("censoredBuckets")).isTrue();
        assertThat(forecast.get("historyBuckets").asInt()).isEqualTo(365);

        JsonNode weekly = api.get("/api/forecasts/TSHIRT-BLK-M?bucket=WEEK&horizon=4", Api.ADMIN).json();
        assertThat(weekly.get("nodeId").isNull()).isTrue();
        assertThat(weekly.get("region").isNull()).isTrue();
        assertThat(weekly.get("mean")).hasSize(4);
    }

    @Test
    void aRegionsForecastIsOfTheOrdersShippedThere() {
        JsonNode texas = api.get("/api/forecasts/TSHIRT-BLK-M?region=tx&horizon=7", Api.Auth.user("viewer")).json();
        assertThat(texas.get("region").asText()).isEqualTo("TX");
        assertThat(texas.get("nodeId").isNull()).isTrue();
        assertThat(texas.get("mean")).hasSize(7);
        assertThat(texas.get("historyBuckets").asInt()).isEqualTo(365);

        Api.Response both = api.get("/api/forecasts/TSHIRT-BLK-M?region=TX&nodeId=DC-OLEAN", Api.ADMIN);
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.json().get("errors").get(0).get("field").asText()).isEqualTo("region");
    }

    @Test
    void aBadHorizonBucketSkuOrNodeIsAProblem() {
        Api.Response horizon = api.get("/api/forecasts/TSHIRT-BLK-M?horizon=500", Api.ADMIN);
        assertThat(horizon.status()).isEqualTo(422);
        assertThat(horizon.contentType()).startsWith("application/problem+json");
        assertThat(horizon.json().get("errors").get(0).get("field").asText()).isEqualTo("horizon");

        Api.Response bucket = api.get("/api/forecasts/TSHIRT-BLK-M?bucket=MONTH", Api.ADMIN);
        assertThat(bucket.status()).isEqualTo(400);
        assertThat(bucket.json().get("errors").get(0).get("field").asText()).isEqualTo("bucket");

        assertThat(api.get("/api/forecasts/NO-SUCH-SKU", Api.ADMIN).status()).isEqualTo(404);
        assertThat(api.get("/api/forecasts/TSHIRT-BLK-M?nodeId=NO-NODE", Api.ADMIN).status()).isEqualTo(404);
    }

    @Test
    void analystsRefreshOnDemand() {
        assertThat(api.post("/api/forecasts/TSHIRT-BLK-M/refresh", null, Api.Auth.user("viewer")).status())
                .isEqualTo(403);

        Api.Response refreshed = api.post("/api/forecasts/TSHIRT-BLK-M/refresh", null, Api.Auth.user("analyst"));

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get(0).get("nodeId").isNull()).isTrue();
        assertThat(refreshed.json().size()).isGreaterThan(1);
        assertThat(refreshed.json().get(1).get("nodeId").asText()).isNotBlank();
    }
}
