package io.maestro.workers.forecast.bench;

import io.maestro.workers.forecast.Croston;
import io.maestro.workers.forecast.ErrorMeasures;
import io.maestro.workers.forecast.LeadTimeModel;
import io.maestro.workers.forecast.MethodSelector;
import io.maestro.workers.forecast.Naive;
import io.maestro.workers.forecast.SimpleExponentialSmoothing;
import io.maestro.workers.forecast.TunedMethod;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * {@code ./maestro bench forecast}: every method on the car-parts series with complete history, fitted on the
 * first 39 months and tested on the last 12 — accuracy (MASE, RMSSE, pinball loss) and what each forecast does
 * to inventory under a monthly order-up-to policy with a one-month lead time, sweeping the target service level.
 * Two protocols: the forecast fixed at month 39, and re-forecast every month on the months seen so far.
 */
public final class ForecastBenchmark {

    static final int FIT = 39;
    static final int TEST = 12;
    static final int LEAD_BUCKETS = 2;
    static final double[] TARGETS = {0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.925, 0.95, 0.975, 0.99, 0.995, 0.999, 0.9995, 0.9999};
    static final double[] PINBALL_LEVELS = {0.5, 0.9, 0.95};
    static final double HEADLINE_FILL = 0.90;
    /**
     * The global model's forest, chosen by {@code --tune-global} on the split inside the fitting months (learned on
     * months 1-27, order-up-to on months 28-39): the least stock for 90 % fill there.
     */
    static final QuantileForest.Parameters GLOBAL_FOREST = new QuantileForest.Parameters(50, 50, 0.6, 0.5, 32, 7);
    static final List<QuantileForest.Parameters> GLOBAL_GRID = List.of(
            new QuantileForest.Parameters(50, 20, 0.33, 0.5, 32, 7),
            new QuantileForest.Parameters(50, 50, 0.33, 0.5, 32, 7),
            new QuantileForest.Parameters(50, 100, 0.33, 0.5, 32, 7),
            new QuantileForest.Parameters(50, 200, 0.33, 0.5, 32, 7),
            new QuantileForest.Parameters(50, 25, 0.6, 0.5, 32, 7),
            GLOBAL_FOREST,
            new QuantileForest.Parameters(50, 100, 0.6, 0.5, 32, 7),
            new QuantileForest.Parameters(50, 50, 1, 0.5, 32, 7),
            new QuantileForest.Parameters(100, 50, 0.6, 0.5, 32, 7));

    private final PrintStream out;

    ForecastBenchmark(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        String protocols = "fixed,monthly";
        int limit = Integer.MAX_VALUE;
        boolean tune = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--protocol" -> protocols = "both".equals(args[++i]) ? "fixed,monthly" : args[i];
                case "--series" -> limit = Integer.parseInt(args[++i]);
                case "--tune-global" -> tune = true;
                default -> throw new IllegalArgumentException(
                        "usage: ForecastBenchmark [--protocol fixed|monthly|both] [--series N] [--tune-global]");
            }
        }
        List<double[]> series = CarParts.completeSeries();
        series = series.subList(0, Math.min(limit, series.size()));
        ForecastBenchmark benchmark = new ForecastBenchmark(System.out);
        if (tune) {
            benchmark.tuneGlobal(series);
            return;
        }
        for (String protocol : protocols.split(",")) {
            benchmark.run(series, protocol.trim());
        }
    }

    static List<Contender> contenders() {
        List<Contender> contenders = new ArrayList<>();
        contenders.add(Contender.single("NAIVE-POISSON", true, new Naive(), LeadTimeModel.POISSON));
        contenders.add(Contender.single("SES-POISSON", true, TunedMethod.ses(), LeadTimeModel.POISSON));
        contenders.add(Contender.single("SES.1-POISSON", true, new SimpleExponentialSmoothing(0.1),
                LeadTimeModel.POISSON));
        contenders.add(Contender.single("CROSTON-POISSON", true, Croston.classic(0.1), LeadTimeModel.POISSON));
        contenders.add(Contender.single("SBA-POISSON", true, Croston.sba(0.1), LeadTimeModel.POISSON));
        contenders.add(Contender.single("TSB-POISSON", true, TunedMethod.tsb(), LeadTimeModel.POISSON));
        contenders.add(Contender.single("BOOTSTRAP-2M", true, new Naive(), LeadTimeModel.BOOTSTRAP));
        contenders.add(Contender.single("SES.1-NB", false, new SimpleExponentialSmoothing(0.1),
                LeadTimeModel.NEGATIVE_BINOMIAL));
        contenders.add(Contender.single("SBA-NB", false, Croston.sba(0.1), LeadTimeModel.NEGATIVE_BINOMIAL));
        contenders.add(Contender.single("TSB-NB", false, TunedMethod.tsb(), LeadTimeModel.NEGATIVE_BINOMIAL));
        contenders.add(Contender.single("SBA-COMPOUND", false, Croston.sba(0.1), LeadTimeModel.COMPOUND));
        contenders.add(Contender.single("SES.1-NB-FULL", false, new SimpleExponentialSmoothing(0.1),
                LeadTimeModel.negativeBinomial(1)));
        Contender lifeCycle = Contender.lifeCycle("SES.1-LC-NB", new SimpleExponentialSmoothing(0.1),
                LeadTimeModel.NEGATIVE_BINOMIAL, TEST);
        contenders.add(lifeCycle);
        contenders.add(lifeCycle.calibrate("SES.1-LC-NB-CAL"));
        Contender global = Contender.global("GLOBAL-QRF", GLOBAL_FOREST);
        contenders.add(global);
        contenders.add(global.calibrate("GLOBAL-QRF-CAL"));
        Contender mixture = Contender.mixture("MIX-QRF-LC", global, lifeCycle);
        contenders.add(mixture);
        contenders.add(mixture.calibrate("MIX-QRF-LC-CAL"));
        contenders.add(Contender.selected("SELECTED-NB", MethodSelector.standardCandidates(),
                LeadTimeModel.NEGATIVE_BINOMIAL, 12));
        return contenders;
    }

    /** One contender's results under one protocol. */
    record Result(String name, boolean baseline, double mase, double rmsse, double[] pinball, double[] fill,
                  double[] stock, Map<String, Integer> chosen) {

        double stockAtFill(double fill) {
            for (int i = 1; i < TARGETS.length; i++) {
                if (this.fill[i - 1] <= fill && this.fill[i] >= fill) {
                    double span = this.fill[i] - this.fill[i - 1];
                    double share = span == 0 ? 0 : (fill - this.fill[i - 1]) / span;
                    return stock[i - 1] + share * (stock[i] - stock[i - 1]);
                }
            }
            return Double.NaN;
        }
    }

    List<Result> run(List<double[]> series, String protocol) {
        boolean monthly = switch (protocol) {
            case "fixed" -> false;
            case "monthly" -> true;
            default -> throw new IllegalArgumentException("protocol: fixed or monthly, not " + protocol);
        };
        out.printf(Locale.ROOT, "%nprotocol=%s: %d car-part series with complete history, %d months to fit, "
                + "%d to test%s%n", protocol, series.size(), FIT, TEST,
                monthly ? ", re-forecast every month" : ", forecast fixed at the origin");
        List<Result> results = new ArrayList<>();
        for (Contender contender : contenders()) {
            long started = System.nanoTime();
            double[] levels = contender.calibrated() ? calibratedLevels(contender, series, monthly) : TARGETS;
            results.add(evaluate(contender, series, monthly, FIT, levels));
            out.printf(Locale.ROOT, "  %-15s %6.1f s%n", contender.name(), (System.nanoTime() - started) / 1e9);
        }
        report(results, protocol);
        return results;
    }

    /**
     * The global model's forest on the split inside the fitting months: each candidate learned on months 1 to
     * {@code FIT - TEST} and its forecast fixed there, order-up-to on months {@code FIT - TEST + 1} to {@code FIT};
     * prints the stock each needs for 85 % and 90 % fill and its fill at the 0.95 target. The test months are not read.
     */
    void tuneGlobal(List<double[]> series) {
        List<double[]> seen = series.stream().map(values -> Arrays.copyOf(values, FIT)).toList();
        int at95 = Arrays.binarySearch(TARGETS, 0.95);
        for (QuantileForest.Parameters forest : GLOBAL_GRID) {
            Result inner = evaluate(Contender.global("GLOBAL-QRF", forest), seen, false, FIT - TEST, TARGETS);
            out.printf(Locale.ROOT, "TUNE trees=%d minLeaf=%d featureShare=%s rowShare=%s stock_at_fill_0.85=%.3f "
                    + "stock_at_fill_0.90=%.3f fill_at_0.95=%.4f%n", forest.trees(), forest.minLeaf(),
                    forest.featureShare(), forest.rowShare(), inner.stockAtFill(0.85), inner.stockAtFill(0.90),
                    inner.fill()[at95]);
        }
    }

    /**
     * For each target, the quantile level at which the same protocol, run on the last {@code TEST} of the fitting
     * months (forecast from month {@code FIT - TEST}), would have reached it ({@link #levelFor}). Only the fitting
     * months are used.
     */
    double[] calibratedLevels(Contender contender, List<double[]> series, boolean monthly) {
        List<double[]> seen = series.stream().map(values -> Arrays.copyOf(values, FIT)).toList();
        Result validation = evaluate(contender, seen, monthly, FIT - TEST, TARGETS);
        double[] levels = new double[TARGETS.length];
        for (int k = 0; k < TARGETS.length; k++) {
            levels[k] = levelFor(TARGETS[k], TARGETS, validation.fill());
        }
        out.printf(Locale.ROOT, "  %s: quantile level per target, calibrated on months %d-%d: %s%n", contender.name(),
                FIT - TEST + 1, FIT, Arrays.stream(levels).mapToObj(level -> String.format(Locale.ROOT, "%.5f", level))
                        .toList());
        return levels;
    }

    /**
     * The quantile level whose fill reaches {@code target} on a sweep of {@code levels} (ascending) that filled
     * {@code fill}: between the two levels of the sweep whose fills enclose it, interpolated linearly in fill on
     * the scale of log(1 − level) (a level's tail shrinks geometrically towards 1); the sweep's first level if that
     * already reaches it, its last where none does.
     */
    static double levelFor(double target, double[] levels, double[] fill) {
        if (fill[0] >= target) {
            return levels[0];
        }
        for (int g = 1; g < levels.length; g++) {
            if (fill[g] >= target) {
                double share = (target - fill[g - 1]) / (fill[g] - fill[g - 1]);
                double below = Math.log(1 - levels[g - 1]);
                return 1 - Math.exp(below + share * (Math.log(1 - levels[g]) - below));
            }
        }
        return levels[levels.length - 1];
    }

    /** Every series fitted on its first {@code fit} months, the next {@code TEST} the test, at the given levels. */
    Result evaluate(Contender contender, List<double[]> series, boolean monthly, int fit, double[] quantileLevels) {
        int n = series.size();
        double[] mase = new double[n];
        double[] rmsse = new double[n];
        double[][] pinball = new double[n][PINBALL_LEVELS.length];
        double[][] served = new double[n][TARGETS.length];
        double[][] onHand = new double[n][TARGETS.length];
        double[] demand = new double[n];
        String[] chosen = new String[n];
        Contender.Forecaster[] learned = new Contender.Forecaster[monthly ? TEST : 1];
        for (int month = 0; month < learned.length; month++) {
            learned[month] = contender.at(series, fit + month, LEAD_BUCKETS);
        }
        IntStream.range(0, n).parallel().forEach(s -> {
            double[] history = series.get(s);
            double[] training = Arrays.copyOf(history, fit);
            double[] test = Arrays.copyOfRange(history, fit, fit + TEST);
            double[] point = new double[TEST];
            long[][] levels = new long[TARGETS.length][TEST];
            Contender.Prediction fixed = monthly ? null : learned[0].predict(training, TEST, LEAD_BUCKETS);
            for (int month = 0; month < TEST; month++) {
                Contender.Prediction prediction = monthly
                        ? learned[month].predict(Arrays.copyOf(history, fit + month), TEST, LEAD_BUCKETS)
                        : fixed;
                point[month] = monthly ? prediction.ahead()[0] : prediction.ahead()[month];
                for (int l = 0; l < PINBALL_LEVELS.length; l++) {
                    pinball[s][l] += ErrorMeasures.pinball(PINBALL_LEVELS[l], test[month],
                            prediction.month().quantile(PINBALL_LEVELS[l])) / TEST;
                }
                for (int k = 0; k < TARGETS.length; k++) {
                    levels[k][month] = prediction.leadTime().quantile(quantileLevels[k]);
                }
                if (month == 0) {
                    chosen[s] = prediction.method();
                }
            }
            mase[s] = ErrorMeasures.mase(training, test, point);
            rmsse[s] = ErrorMeasures.rmsse(training, test, point);
            for (int k = 0; k < TARGETS.length; k++) {
                OrderUpToSimulation.Outcome outcome = OrderUpToSimulation.run(test, levels[k]);
                served[s][k] = outcome.served();
                onHand[s][k] = outcome.onHandMonths();
                demand[s] = outcome.demand();
            }
        });
        double totalDemand = Arrays.stream(demand).sum();
        double[] fill = new double[TARGETS.length];
        double[] stock = new double[TARGETS.length];
        for (int k = 0; k < TARGETS.length; k++) {
            int target = k;
            fill[k] = Arrays.stream(served).mapToDouble(row -> row[target]).sum() / totalDemand;
            stock[k] = Arrays.stream(onHand).mapToDouble(row -> row[target]).sum() / ((double) n * TEST);
        }
        double[] meanPinball = new double[PINBALL_LEVELS.length];
        for (int l = 0; l < PINBALL_LEVELS.length; l++) {
            int level = l;
            meanPinball[l] = Arrays.stream(pinball).mapToDouble(row -> row[level]).average().orElse(Double.NaN);
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (String method : chosen) {
            counts.merge(method, 1, Integer::sum);
        }
        return new Result(contender.name(), contender.baseline(), finiteMean(mase), finiteMean(rmsse),
                meanPinball, fill, stock, counts);
    }

    private static double finiteMean(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private void report(List<Result> results, String protocol) {
        out.printf(Locale.ROOT, "%nAccuracy (%s; mean per series; pinball in units per month)%n", protocol);
        out.printf(Locale.ROOT, "  %-15s %7s %7s %9s %9s %9s%n", "method", "MASE", "RMSSE", "pin 0.5", "pin 0.9",
                "pin 0.95");
        for (Result result : results) {
            out.printf(Locale.ROOT, "  %-15s %7.3f %7.3f %9.4f %9.4f %9.4f%n", result.name(), result.mase(),
                    result.rmsse(), result.pinball()[0], result.pinball()[1], result.pinball()[2]);
        }
        out.printf(Locale.ROOT, "%nInventory trade-off (%s): realized fill rate / average units on hand per SKU%n",
                protocol);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-7s", "target"));
        results.forEach(result -> header.append(String.format(Locale.ROOT, " %15s", result.name())));
        out.println(header);
        for (int k = 0; k < TARGETS.length; k++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-7s", TARGETS[k]));
            for (Result result : results) {
                row.append(String.format(Locale.ROOT, " %7.1f%% / %5.2f", 100 * result.fill()[k],
                        result.stock()[k]));
            }
            out.println(row);
        }
        for (Result result : results) {
            if (!result.chosen().isEmpty() && result.chosen().size() > 1) {
                out.printf(Locale.ROOT, "  %s chose (first month): %s%n", result.name(), result.chosen());
            }
        }
        for (Result result : results) {
            for (int k = 0; k < TARGETS.length; k++) {
                if (TARGETS[k] >= 0.8) {
                    out.printf(Locale.ROOT, "RESULT method=%s protocol=%s target=%s fill=%.4f stock=%.3f%n",
                            result.name(), protocol, TARGETS[k], result.fill()[k], result.stock()[k]);
                }
            }
        }
        Result bestBaseline = results.stream().filter(Result::baseline)
                .filter(result -> Double.isFinite(result.stockAtFill(HEADLINE_FILL)))
                .min((a, b) -> Double.compare(a.stockAtFill(HEADLINE_FILL), b.stockAtFill(HEADLINE_FILL)))
                .orElseThrow();
        double baselineStock = bestBaseline.stockAtFill(HEADLINE_FILL);
        Map<String, Double> atFill = new LinkedHashMap<>();
        for (Result result : results) {
            atFill.put(result.name(), result.stockAtFill(HEADLINE_FILL));
        }
        atFill.forEach((name, stock) -> out.printf(Locale.ROOT,
                "RESULT method=%s protocol=%s stock_at_fill_0.90=%.3f vs_best_baseline=%s ratio=%.3f%n",
                name, protocol, stock, bestBaseline.name(), stock / baselineStock));
        int at95 = Arrays.binarySearch(TARGETS, 0.95);
        for (Result result : results) {
            out.printf(Locale.ROOT, "RESULT method=%s protocol=%s target=0.95 fill=%.4f fill_gap_points=%.2f%n",
                    result.name(), protocol, result.fill()[at95], 100 * (result.fill()[at95] - 0.95));
        }
    }
}
