package io.maestro.workers.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command line of the allocation benchmark.
 *
 * @param rho   inventory scarcity: network supply of each SKU ÷ its demand (2.0 plentiful … 0.8 short)
 * @param kappa capacity factor: network pick capacity today ÷ units demanded (infinite = no limit)
 * @param costs "standard" (zone rate card, handling by node type) or "literature" (Jasin &amp; Sinha / Ma)
 * @param lowerBoundSeconds time allowed to solve the LP relaxation of the linearised whole day (negative: the preset's)
 * @param relaxationSeconds CPU time for LB's own column generation over the whole day (negative: the preset's,
 *                          0: none)
 * @param lines             every order has this many lines (0: 1–5 lines, as generated for the presets)
 * @param windowSize        orders per batch window of B3 (0: the preset's)
 * @param batchSeconds      B3's time for all windows (0: the preset's)
 * @param proRata           whether each B3 window gets a pro-rata share of the stock and capacity left
 * @param warmUp            decisions each real-time engine (B0–B2) makes on the day before its measured run, so the
 *                          JIT has compiled it
 * @param threads           above 1: after its measured run, each real-time engine also decides the day in this many
 *                          independent streams side by side, one per thread (each on its own copy of the stock and
 *                          capacity, one engine for all, as the allocation worker's threads), against one stream
 */
record BenchOptions(BenchPreset preset, long seed, double rho, double kappa, String costs, List<String> engines,
                    double lowerBoundSeconds, double relaxationSeconds, int lines, int windowSize, double batchSeconds,
                    boolean proRata, int warmUp, int threads) {

    static final String USAGE = "usage: AllocationBenchmark [--preset S|M|L] [--seed N] [--rho 0.8..2.0] "
            + "[--kappa 1.1..inf] [--costs standard|literature] [--engines B0,B1,B2,B3,LB] [--lb-seconds S] "
            + "[--relaxation-seconds S] [--lines N] [--window N] [--batch-seconds S] [--pro-rata true|false] "
            + "[--warm-up N] [--threads N]";

    static BenchOptions parse(String... args) {
        BenchPreset preset = BenchPreset.S;
        long seed = 42;
        double rho = 1.5;
        double kappa = 1.3;
        String costs = "standard";
        List<String> engines = List.of("B0", "B1", "B2", "B3", "LB");
        double lowerBoundSeconds = -1;
        double relaxationSeconds = -1;
        int lines = 0;
        int windowSize = 0;
        double batchSeconds = 0;
        boolean proRata = false;
        int warmUp = 3_000;
        int threads = 1;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value. " + USAGE);
            }
            String value = args[++i];
            switch (flag) {
                case "--preset" -> preset = BenchPreset.valueOf(value.toUpperCase(Locale.ROOT));
                case "--seed" -> seed = Long.parseLong(value);
                case "--rho" -> rho = Double.parseDouble(value);
                case "--kappa" -> kappa = value.equalsIgnoreCase("inf") ? Double.POSITIVE_INFINITY
                        : Double.parseDouble(value);
                case "--costs" -> costs = value.toLowerCase(Locale.ROOT);
                case "--lb-seconds" -> lowerBoundSeconds = Double.parseDouble(value);
                case "--relaxation-seconds" -> relaxationSeconds = Double.parseDouble(value);
                case "--lines" -> lines = Integer.parseInt(value);
                case "--window" -> windowSize = Integer.parseInt(value);
                case "--batch-seconds" -> batchSeconds = Double.parseDouble(value);
                case "--pro-rata" -> proRata = Boolean.parseBoolean(value);
                case "--warm-up" -> warmUp = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--engines" -> engines = new ArrayList<>(List.of(value.toUpperCase(Locale.ROOT).split(",")));
                default -> throw new IllegalArgumentException("unknown option " + flag + ". " + USAGE);
            }
        }
        if (!costs.equals("standard") && !costs.equals("literature")) {
            throw new IllegalArgumentException("--costs is standard or literature. " + USAGE);
        }
        if (lines < 0 || lines > 50) {
            throw new IllegalArgumentException("--lines is 0 (1–5 lines per order) or 1..50. " + USAGE);
        }
        if (rho <= 0 || kappa <= 0) {
            throw new IllegalArgumentException("--rho and --kappa must be positive. " + USAGE);
        }
        if (windowSize < 0 || batchSeconds < 0 || warmUp < 0) {
            throw new IllegalArgumentException("--window, --batch-seconds and --warm-up must not be negative. "
                    + USAGE);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads is 1 or more. " + USAGE);
        }
        return new BenchOptions(preset, seed, rho, kappa, costs, List.copyOf(engines), lowerBoundSeconds,
                relaxationSeconds, lines, windowSize, batchSeconds, proRata, warmUp, threads);
    }
}
