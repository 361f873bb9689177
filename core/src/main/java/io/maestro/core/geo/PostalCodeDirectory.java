package io.maestro.core.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Component;

/**
 * Postal code to coordinates and state, from the US Census ZCTA centroids shipped in {@code geo/} with the USPS
 * state each ZIP code is assigned to. An unknown code is absent, never a silent (0,0).
 */
@Component
public class PostalCodeDirectory {

    private static final String RESOURCE = "/geo/us-zip-centroids.csv.gz";

    private final Map<String, Zip> usZips;

    public PostalCodeDirectory() {
        this.usZips = load();
    }

    /** Coordinates of a postal code in a country (ISO 3166 alpha-2); ZIP+4 is accepted for US. */
    public Optional<GeoPoint> locate(String country, String postalCode) {
        return zip(country, postalCode).map(Zip::point);
    }

    /** The state (USPS abbreviation, e.g. {@code NY}) a postal code belongs to; ZIP+4 is accepted for US. */
    public Optional<String> stateOf(String country, String postalCode) {
        return zip(country, postalCode).map(Zip::state);
    }

    private Optional<Zip> zip(String country, String postalCode) {
        if (country == null || postalCode == null || !"US".equalsIgnoreCase(country.trim())) {
            return Optional.empty();
        }
        String code = postalCode.trim();
        if (code.matches("\\d{5}-\\d{4}")) {
            code = code.substring(0, 5);
        }
        return Optional.ofNullable(usZips.get(code));
    }

    public boolean supportsCountry(String country) {
        return "US".equalsIgnoreCase(country == null ? "" : country.trim());
    }

    public int size() {
        return usZips.size();
    }

    private record Zip(GeoPoint point, String state) {
    }

    private static Map<String, Zip> load() {
        try (InputStream raw = PostalCodeDirectory.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
            Map<String, Zip> zips = new HashMap<>(50_000);
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cols = line.split(",");
                zips.put(cols[0], new Zip(new GeoPoint(Double.parseDouble(cols[1]), Double.parseDouble(cols[2])), cols[3]));
            }
            return Map.copyOf(zips);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
