package io.maestro.core.carrier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads a {@link CarrierModel} from a directory of CSV files (comma-separated, one header line, {@code #} lines
 * ignored). The format is documented in core's README:
 * <ul>
 *   <li>{@code zones.csv}: {@code zone,maxMiles} — zones 1..n in order, the last with an empty maxMiles;</li>
 *   <li>{@code carriers.csv}: {@code carrier,rateFile,hazmatLicensed,fleetCo2Factor,dimDivisorCm3PerKg,
 *       residentialSurcharge,oversizeSurcharge,hazmatSurcharge};</li>
 *   <li>{@code services.csv}: {@code carrier,service,kgCo2ePerTonneKm,daysZone1..daysZoneN};</li>
 *   <li>each carrier's rate file: {@code service,maxWeightKg,zone1..zoneN}, one row per service and weight break,
 *       breaks ascending, prices not falling with weight.</li>
 * </ul>
 * Every problem found is reported at once, each naming file, line and field.
 */
public final class RateCardFiles {

    public static final String DEMO_LOCATION = "carriers";

    private final Function<String, Optional<List<String>>> reader;
    private final List<String> problems = new ArrayList<>();

    private RateCardFiles(Function<String, Optional<List<String>>> reader) {
        this.reader = reader;
    }

    /** The cards in a directory on disk. */
    public static CarrierModel fromDirectory(Path directory) {
        return new RateCardFiles(name -> {
            Path file = directory.resolve(name);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).load();
    }

    /** The cards in a classpath folder, e.g. {@link #DEMO_LOCATION}. */
    public static CarrierModel fromClasspath(String folder) {
        return new RateCardFiles(name -> {
            try (InputStream in = RateCardFiles.class.getClassLoader().getResourceAsStream(folder + "/" + name)) {
                if (in == null) {
                    return Optional.empty();
                }
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).load();
    }

    /** The cards from files given by name → content (for tests and tools). */
    public static CarrierModel fromContents(Map<String, String> files) {
        return new RateCardFiles(name -> Optional.ofNullable(files.get(name)).map(c -> c.lines().toList())).load();
    }

    private CarrierModel load() {
        double[] zoneMaxMiles = zones();
        int zones = zoneMaxMiles.length + 1;
        Map<String, List<ServiceLine>> services = services(zones);
        List<RateCard> cards = new ArrayList<>();
        for (Row row : rows("carriers.csv", "carrier", "rateFile", "hazmatLicensed", "fleetCo2Factor",
                "dimDivisorCm3PerKg", "residentialSurcharge", "oversizeSurcharge", "hazmatSurcharge")) {
            String carrier = row.text("carrier");
            String rateFile = row.text("rateFile");
            boolean licensed = row.bool("hazmatLicensed");
            double fleet = row.number("fleetCo2Factor", 0);
            double divisor = row.number("dimDivisorCm3PerKg", 0);
            double residential = row.number("residentialSurcharge", 0);
            double oversize = row.number("oversizeSurcharge", 0);
            double hazmat = row.number("hazmatSurcharge", 0);
            if (carrier == null) {
                continue;
            }
            if (cards.stream().anyMatch(c -> c.carrier().equals(carrier))) {
                row.problem("carrier", "carrier " + carrier + " is listed twice");
                continue;
            }
            List<ServiceLine> offered = services.getOrDefault(carrier, List.of());
            if (offered.isEmpty()) {
                row.problem("carrier", carrier + " has no service in services.csv");
            }
            List<ServiceRates> rates = rateFile == null ? List.of() : rates(rateFile, carrier, offered, zones);
            cards.add(new RateCard(carrier, licensed, fleet, divisor, residential, oversize, hazmat, rates));
        }
        services.keySet().stream().filter(c -> cards.stream().noneMatch(card -> card.carrier().equals(c)))
                .forEach(c -> services.get(c).get(0).row.problem("carrier", c + " is not in carriers.csv"));
        if (cards.isEmpty() && problems.isEmpty()) {
            problems.add("carriers.csv: no carrier");
        }
        if (!problems.isEmpty()) {
            throw new RateCardFileException(problems);
        }
        return new CarrierModel(zoneMaxMiles, cards);
    }

    private double[] zones() {
        List<Row> rows = rows("zones.csv", "zone", "maxMiles");
        double[] max = new double[Math.max(0, rows.size() - 1)];
        double previous = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Double zone = row.optionalNumber("zone");
            if (zone != null && zone != i + 1) {
                row.problem("zone", "expected zone " + (i + 1) + ", zones are numbered 1, 2, … in order");
            }
            boolean last = i == rows.size() - 1;
            if (last) {
                if (!row.text("maxMiles", true).isEmpty()) {
                    row.problem("maxMiles", "the last zone is open-ended: leave maxMiles empty");
                }
            } else {
                double miles = row.number("maxMiles", 0);
                if (miles <= previous) {
                    row.problem("maxMiles", "must be more than the zone before (" + previous + ")");
                }
                max[i] = miles;
                previous = miles;
            }
        }
        if (rows.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("zones.csv"))) {
            problems.add("zones.csv: no zone");
        }
        return max;
    }

    private record ServiceLine(Row row, ServiceLevel level, double co2Factor, int[] days) {
    }

    private Map<String, List<ServiceLine>> services(int zones) {
        String[] header = new String[3 + zones];
        header[0] = "carrier";
        header[1] = "service";
        header[2] = "kgCo2ePerTonneKm";
        for (int z = 1; z <= zones; z++) {
            header[2 + z] = "daysZone" + z;
        }
        Map<String, List<ServiceLine>> byCarrier = new LinkedHashMap<>();
        for (Row row : rows("services.csv", header)) {
            String carrier = row.text("carrier");
            ServiceLevel level = row.level("service");
            double co2 = row.number("kgCo2ePerTonneKm", 0);
            int[] days = new int[zones];
            for (int z = 1; z <= zones; z++) {
                days[z - 1] = (int) row.number("daysZone" + z, 0);
            }
            if (carrier == null || level == null) {
                continue;
            }
            List<ServiceLine> lines = byCarrier.computeIfAbsent(carrier, c -> new ArrayList<>());
            if (lines.stream().anyMatch(l -> l.level == level)) {
                row.problem("service", carrier + " " + level + " is listed twice");
                continue;
            }
            lines.add(new ServiceLine(row, level, co2, days));
        }
        return byCarrier;
    }

    private List<ServiceRates> rates(String file, String carrier, List<ServiceLine> offered, int zones) {
        String[] header = new String[2 + zones];
        header[0] = "service";
        header[1] = "maxWeightKg";
        for (int z = 1; z <= zones; z++) {
            header[1 + z] = "zone" + z;
        }
        Map<ServiceLevel, List<double[]>> byService = new HashMap<>();
        Map<ServiceLevel, Row> lastRow = new HashMap<>();
        for (Row row : rows(file, header)) {
            ServiceLevel level = row.level("service");
            double weight = row.number("maxWeightKg", 0);
            double[] line = new double[1 + zones];
            line[0] = weight;
            for (int z = 1; z <= zones; z++) {
                line[z] = row.number("zone" + z, 0);
            }
            if (level == null) {
                continue;
            }
            if (offered.stream().noneMatch(s -> s.level == level)) {
                row.problem("service", carrier + " " + level + " is not in services.csv");
                continue;
            }
            List<double[]> lines = byService.computeIfAbsent(level, l -> new ArrayList<>());
            if (!lines.isEmpty()) {
                double[] before = lines.get(lines.size() - 1);
                if (weight <= before[0]) {
                    row.problem("maxWeightKg", "weight breaks must ascend: " + weight + " after " + before[0]);
                }
                for (int z = 1; z <= zones; z++) {
                    if (line[z] < before[z]) {
                        row.problem("zone" + z, "price falls with weight: " + line[z] + " after " + before[z]);
                    }
                }
            }
            lines.add(line);
            lastRow.put(level, row);
        }
        List<ServiceRates> rates = new ArrayList<>();
        for (ServiceLine service : offered) {
            List<double[]> lines = byService.get(service.level);
            if (lines == null) {
                service.row.problem("service", carrier + " " + service.level + " has no rates in " + file);
                continue;
            }
            double[] breaks = lines.stream().mapToDouble(l -> l[0]).toArray();
            double[][] prices = lines.stream().map(l -> Arrays.copyOfRange(l, 1, l.length)).toArray(double[][]::new);
            rates.add(new ServiceRates(service.level, service.co2Factor, breaks, prices, service.days));
        }
        return rates;
    }

    private List<Row> rows(String file, String... header) {
        Optional<List<String>> content = reader.apply(file);
        if (content.isEmpty()) {
            problems.add(file + ": file not found");
            return List.of();
        }
        List<String> lines = content.get();
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (!headerSeen) {
                headerSeen = true;
                if (!Arrays.equals(Arrays.stream(cells).map(String::strip).toArray(), header)) {
                    problems.add(file + " line " + (i + 1) + ": header must be " + String.join(",", header));
                    return List.of();
                }
                continue;
            }
            if (cells.length != header.length) {
                problems.add(file + " line " + (i + 1) + ": " + cells.length + " fields, expected " + header.length);
                continue;
            }
            rows.add(new Row(file, i + 1, header, cells));
        }
        if (!headerSeen) {
            problems.add(file + ": empty, header must be " + String.join(",", header));
        }
        return rows;
    }

    /** One data line of a file; reading a field that is wrong records a problem and returns a harmless value. */
    private final class Row {
        private final String file;
        private final int line;
        private final String[] header;
        private final String[] cells;

        Row(String file, int line, String[] header, String[] cells) {
            this.file = file;
            this.line = line;
            this.header = header;
            this.cells = cells;
        }

        void problem(String field, String message) {
            problems.add(file + " line " + line + ", field " + field + ": " + message);
        }

        String text(String field, boolean mayBeEmpty) {
            return cells[Arrays.asList(header).indexOf(field)].strip();
        }

        String text(String field) {
            String value = text(field, true);
            if (value.isEmpty()) {
                problem(field, "required");
                return null;
            }
            return value;
        }

        Double optionalNumber(String field) {
            String value = text(field, true);
            try {
                return value.isEmpty() ? null : Double.parseDouble(value);
            } catch (NumberFormatException e) {
                problem(field, "not a number: '" + value + "'");
                return null;
            }
        }

        /** A number at least {@code minimum}; NaN (compared with nothing) when it is not one. */
        double number(String field, double minimum) {
            String value = text(field);
            if (value == null) {
                return 0;
            }
            try {
                double number = Double.parseDouble(value);
                if (number < minimum || Double.isNaN(number) || Double.isInfinite(number)) {
                    problem(field, "must be at least " + minimum + ": " + value);
                    return Double.NaN;
                }
                return number;
            } catch (NumberFormatException e) {
                problem(field, "not a number: '" + value + "'");
                return Double.NaN;
            }
        }

        boolean bool(String field) {
            String value = text(field);
            if (value == null) {
                return false;
            }
            if (!value.equals("true") && !value.equals("false")) {
                problem(field, "expected true or false: '" + value + "'");
            }
            return value.equals("true");
        }

        ServiceLevel level(String field) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            Optional<ServiceLevel> level = ServiceLevel.named(value);
            if (level.isEmpty()) {
                problem(field, "unknown service '" + value + "', expected one of " + Arrays.toString(ServiceLevel.values()));
            }
            return level.orElse(null);
        }
    }
}
