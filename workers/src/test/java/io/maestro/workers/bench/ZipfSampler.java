package io.maestro.workers.bench;

import java.util.Arrays;
import java.util.Random;

/** Ranks 0..n-1 drawn with probability proportional to 1 / (rank + 1)^s: a few SKUs sell most. */
final class ZipfSampler {

    private final double[] cumulative;

    ZipfSampler(int n, double exponent) {
        cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / Math.pow(k + 1, exponent);
            cumulative[k] = sum;
        }
    }

    int sample(Random random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        return index >= 0 ? index : Math.min(cumulative.length - 1, -index - 1);
    }
}
