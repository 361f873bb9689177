package io.maestro.workers.forecast.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The car-parts series (forecast/README.md): monthly units per part, only the parts with complete history. */
final class CarParts {

    static final String RESOURCE = "/forecast/carparts.csv.gz";

    private CarParts() {
    }

    static List<double[]> completeSeries() {
        try (InputStream in = CarParts.class.getResourceAsStream(RESOURCE);
             BufferedReader reader = new BufferedReader(
                     new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            int months = reader.readLine().split(",", -1).length - 1;
            List<double[]> series = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",", -1);
                double[] values = new double[months];
                boolean complete = cells.length == months + 1;
                for (int m = 0; complete && m < months; m++) {
                    complete = !cells[m + 1].isBlank();
                    values[m] = complete ? Double.parseDouble(cells[m + 1]) : 0;
                }
                if (complete) {
                    series.add(values);
                }
            }
            return series;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
