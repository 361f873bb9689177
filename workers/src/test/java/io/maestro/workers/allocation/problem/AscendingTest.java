package io.maestro.workers.allocation.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The search's stable sort by key: the order of a stable insertion sort, keys alike to their last bit included. */
class AscendingTest {

    @Test
    void sortsByKeyTiesInGivenOrder() {
        int[] items = {7, 3, 9, 1, 4};
        double[] keys = {2.5, 1.0, 2.5, 0.0, -0.0};
        int[] sorted = AllocationProblem.ascending(items, keys, 5);
        assertThat(sorted).containsExactly(1, 4, 3, 7, 9);
        assertThat(keys).containsExactly(0.0, -0.0, 1.0, 2.5, 2.5);
        assertThat(items).containsExactly(1, 4, 3, 7, 9);
    }

    @Test
    void keysThatDifferOnlyInTheirLastBitsKeepTheirExactOrder() {
        double base = 1234.5678;
        double[] keys = {Math.nextUp(Math.nextUp(base)), base, Math.nextUp(base), base, Double.POSITIVE_INFINITY, -1e6};
        int[] sorted = AllocationProblem.ascending(new int[] {0, 1, 2, 3, 4, 5}, keys, 6);
        assertThat(sorted).containsExactly(5, 1, 3, 2, 0, 4);
    }

    @Test
    void agreesWithAStableInsertionSortOnRandomKeysWithTies() {
        Random random = new Random(11);
        for (int run = 0; run < 2_000; run++) {
            int count = random.nextInt(300);
            int[] items = new int[count + 3];
            double[] keys = new double[count + 3];
            for (int j = 0; j < items.length; j++) {
                items[j] = random.nextInt(1_000);
                double key = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextGaussian() * 1e3;
                keys[j] = random.nextInt(10) == 0 ? Math.nextUp(key) : key;
            }
            int[] expectedItems = items.clone();
            double[] expectedKeys = keys.clone();
            insertionSort(expectedItems, expectedKeys, count);
            int[] sorted = AllocationProblem.ascending(items, keys, count);
            assertThat(sorted).hasSize(count);
            for (int j = 0; j < count; j++) {
                assertThat(sorted[j]).isEqualTo(expectedItems[j]);
                assertThat(keys[j]).isEqualTo(expectedKeys[j]);
            }
        }
    }

    private static void insertionSort(int[] items, double[] keys, int count) {
        for (int a = 1; a < count; a++) {
            int item = items[a];
            double k = keys[a];
            int b = a - 1;
            while (b >= 0 && keys[b] > k) {
                items[b + 1] = items[b];
                keys[b + 1] = keys[b];
                b--;
            }
            items[b + 1] = item;
            keys[b + 1] = k;
        }
    }
}
