package io.maestro.workers.geo;

import io.maestro.workers.allocation.model.GeoPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * US places with population (GeoNames, CC BY 4.0), drawn with probability proportional to population,
 * so that customers and stores cluster where people live.
 */
public final class CityTable {

    public record City(String name, String state, GeoPoint location, long population) {
    }

    private static final String RESOURCE = "/data/us-cities.csv.gz";

    private final List<City> cities;
    private final double[] cumulative;

    private CityTable(List<City> cities) {
        this.cities = List.copyOf(cities);
        this.cumulative = new double[cities.size()];
        double sum = 0;
        for (int i = 0; i < cities.size(); i++) {
            sum += cities.get(i).population();
            cumulative[i] = sum;
        }
    }

    public static CityTable load() {
        try (InputStream raw = CityTable.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                    StandardCharsets.UTF_8));
            List<City> cities = new ArrayList<>();
            reader.readLine();
            for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                List<String> f = fields(row);
                cities.add(new City(f.get(1), f.get(2),
                        new GeoPoint(Double.parseDouble(f.get(3)), Double.parseDouble(f.get(4))),
                        Long.parseLong(f.get(5))));
            }
            return new CityTable(cities);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a CSV row whose fields may be double-quoted. */
    static List<String> fields(String row) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    int size() {
        return cities.size();
    }

    /** A city drawn with probability proportional to its population. */
    public City sample(Random random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        return cities.get(index >= 0 ? index : Math.min(cities.size() - 1, -index - 1));
    }
}
