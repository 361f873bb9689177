package io.maestro.workers.forecast;

/** Accuracy measures of a forecast against what happened. */
public final class ErrorMeasures {

    private ErrorMeasures() {
    }

    /**
     * Mean absolute error ÷ the in-sample mean absolute error of the naive forecast (Hyndman &amp; Koehler);
     * {@code NaN} when the training series never changes.
     */
    public static double mase(double[] training, double[] actual, double[] forecast) {
        double scale = naiveScale(training, 1);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(actual[i] - forecast[i]);
        }
        return scale == 0 ? Double.NaN : sum / actual.length / scale;
    }

    /** Root mean squared error ÷ root of the in-sample mean squared naive error (M5); {@code NaN} as MASE. */
    public static double rmsse(double[] training, double[] actual, double[] forecast) {
        double scale = naiveScale(training, 2);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double error = actual[i] - forecast[i];
            sum += error * error;
        }
        return scale == 0 ? Double.NaN : Math.sqrt(sum / actual.length / scale);
    }

    /** Pinball (quantile) loss of the quantile {@code quantile} at level {@code level} against the actual value. */
    public static double pinball(double level, double actual, double quantile) {
        return actual >= quantile ? level * (actual - quantile) : (1 - level) * (quantile - actual);
    }

    private static double naiveScale(double[] training, int power) {
        double sum = 0;
        for (int t = 1; t < training.length; t++) {
            sum += Math.pow(Math.abs(training[t] - training[t - 1]), power);
        }
        return training.length < 2 ? 0 : sum / (training.length - 1);
    }
}
