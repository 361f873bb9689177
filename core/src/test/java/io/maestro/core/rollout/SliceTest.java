package io.maestro.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.core.InvalidRequestException;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SliceTest {

    @Test
    void everyCriterionGivenMustHold() {
        Slice slice = new Slice("ny", "marketplace", "Apparel", null);

        assertThat(slice.contains("r1", "ORD-1", "NY", "MARKETPLACE", Set.of("Apparel", "Home"))).isTrue();
        assertThat(slice.contains("r1", "ORD-1", "CA", "MARKETPLACE", Set.of("Apparel"))).as("other region").isFalse();
        assertThat(slice.contains("r1", "ORD-1", "NY", "WEB", Set.of("Apparel"))).as("other channel").isFalse();
        assertThat(slice.contains("r1", "ORD-1", "NY", "MARKETPLACE", Set.of("Home"))).as("no such line").isFalse();
        assertThat(slice.describe()).isEqualTo("shipping to NY, channel MARKETPLACE, with a Apparel line");
    }

    @Test
    void aShareIsStickyPerOrderAndNearItsSize() {
        Slice tenPercent = new Slice(null, null, null, 10);

        long in = IntStream.range(0, 10_000).filter(i -> tenPercent.contains("r1", "ORD-" + i, "NY", "WEB", Set.of()))
                .count();

        assertThat(in).isBetween(900L, 1_100L);
        assertThat(IntStream.range(0, 100).allMatch(i -> tenPercent.contains("r1", "ORD-" + i, "NY", "WEB", Set.of())
                == tenPercent.contains("r1", "ORD-" + i, "CA", "POS", Set.of()))).as("the same order, the same side").isTrue();
        assertThat(Slice.bucket("r1", "ORD-7")).isEqualTo(Slice.bucket("r1", "ORD-7")).isBetween(0, 99);
    }

    @Test
    void aSliceNamesWhatItTakesAndAShareIsAPercentage() {
        assertThatThrownBy(() -> new Slice(" ", null, "", null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("slice: needs at least one of region, channel, category or sharePercent");
        assertThatThrownBy(() -> new Slice(null, null, null, 0)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("sharePercent: must be between 1 and 100, not 0");
        assertThatThrownBy(() -> new Slice(null, null, null, 101)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aRolloutsVersionForEachSideAndAfterItEnded() {
        Rollout active = rollout(RolloutStatus.ACTIVE);
        assertThat(active.versionFor(true, 4)).isEqualTo(4);
        assertThat(active.versionFor(false, 4)).isEqualTo(3);
        assertThat(rollout(RolloutStatus.PROMOTED).versionFor(false, 4)).isEqualTo(4);
        assertThat(rollout(RolloutStatus.ROLLED_BACK).versionFor(true, 4)).as("the candidate is skipped").isEqualTo(3);
        assertThat(rollout(RolloutStatus.ROLLED_BACK).versionFor(false, 5)).as("a newer version decides again")
                .isEqualTo(5);
    }

    private static Rollout rollout(RolloutStatus status) {
        return new Rollout("r1", "order-screening", 3, 4, new Slice(null, "WEB", null, null), status, null, "analyst",
                null, null);
    }
}
