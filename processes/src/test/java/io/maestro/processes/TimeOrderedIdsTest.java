package io.maestro.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsOfOneEngineSortInTheOrderTheyWereMadeAndHaveOneLength() {
        TimeOrderedIds ids = new TimeOrderedIds(0xABCL);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            made.add(ids.getNextId());
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made).allSatisfy(id -> assertThat(id).hasSize(28).endsWith("000000000abc").matches("[0-9a-f]+"));
    }

    @Test
    void threadsAndSeveralEnginesNeverMakeTheSameId() {
        TimeOrderedIds first = new TimeOrderedIds(1);
        TimeOrderedIds second = new TimeOrderedIds(2);
        var made = ConcurrentHashMap.<String>newKeySet();
        IntStream.range(0, 200_000).parallel().forEach(i -> made.add((i % 2 == 0 ? first : second).getNextId()));

        assertThat(made).hasSize(200_000);
        assertThat(new HashSet<>(List.of(new TimeOrderedIds().getNextId(), new TimeOrderedIds().getNextId()))).hasSize(2);
    }
}
