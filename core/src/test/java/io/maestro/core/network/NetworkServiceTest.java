package io.maestro.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.InvalidRequestException;
import io.maestro.core.Violation;
import io.maestro.core.testing.DomainTables;
import io.maestro.core.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class NetworkServiceTest {

    @Autowired NetworkService network;
    @Autowired JdbcTemplate jdbc;

    @Test
    void geocodesFromThePostalCodeAndUpserts() {
        DomainTables.empty(jdbc);
        assertThat(network.save(TestData.node("DC-OLEAN", NodeType.DC, "Olean", "14760", Capability.SHIP)).created()).isTrue();
        assertThat(network.save(TestData.node("DC-OLEAN", NodeType.DC, "Olean", "14760", Capability.SHIP, Capability.RETURNS))
                .created()).isFalse();

        Node olean = network.get("DC-OLEAN");
        assertThat(olean.latitude()).isEqualTo(42.073087);
        assertThat(olean.capabilities()).containsExactlyInAnyOrder(Capability.SHIP, Capability.RETURNS);
        assertThat(network.setStatus("DC-OLEAN", NodeStatus.PAUSED).acceptsWork()).isFalse();
        assertThat(network.get("DC-OLEAN").status()).isEqualTo(NodeStatus.PAUSED);
    }

    @Test
    void anUnknownPostalCodeIsAnErrorNotZeroZero() {
        assertThatThrownBy(() -> network.save(TestData.node("DC-X", NodeType.DC, "Nowhere", "00000", Capability.SHIP)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("address.postalCode"));
    }
}
