package io.maestro.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostalCodeDirectoryTest {

    private final PostalCodeDirectory directory = new PostalCodeDirectory();

    @Test
    void locatesUsZipCodesIncludingZipPlusFour() {
        assertThat(directory.size()).isEqualTo(33_791);
        assertThat(directory.locate("US", "14760")).contains(new GeoPoint(42.073087, -78.417553));
        assertThat(directory.locate("us", "11201-1234")).contains(new GeoPoint(40.6937, -73.989859));
    }

    @Test
    void knowsTheStateOfEveryZipCode() {
        assertThat(directory.stateOf("US", "11201")).contains("NY");
        assertThat(directory.stateOf("US", "14760-0001")).contains("NY");
        assertThat(directory.stateOf("US", "90210")).contains("CA");
        assertThat(directory.stateOf("US", "20001")).contains("DC");
        assertThat(directory.stateOf("US", "00601")).contains("PR");
        assertThat(directory.stateOf("US", "00000")).isEmpty();
        assertThat(directory.stateOf("CA", "11201")).isEmpty();
    }

    @Test
    void anUnknownCodeOrCountryIsAbsentNotZero() {
        assertThat(directory.locate("US", "00000")).isEmpty();
        assertThat(directory.locate("CA", "14760")).isEmpty();
        assertThat(directory.locate("US", null)).isEmpty();
    }

    @Test
    void brooklynToOleanIsAboutTwoHundredFiftyMilesAsTheCrowFlies() {
        GeoPoint brooklyn = directory.locate("US", "11201").orElseThrow();
        GeoPoint olean = directory.locate("US", "14760").orElseThrow();
        assertThat(brooklyn.milesTo(olean)).isCloseTo(248.5, org.assertj.core.data.Offset.offset(0.5));
    }
}
