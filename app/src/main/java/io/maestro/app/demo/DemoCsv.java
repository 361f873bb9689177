package io.maestro.app.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's hand-written CSV files: a header line, then one record per line; lines starting with
 * '#' and blank lines are skipped. Fields hold no commas, so there is no quoting.
 */
final class DemoCsv {

    /** One record, read by column name. */
    record Row(String source, int line, Map<String, String> fields) {

        String get(String column) {
            String value = fields.get(column);
            if (value == null) {
                throw new IllegalStateException(this + ": no column " + column);
            }
            return value;
        }

        @Override
        public String toString() {
            return source + " line " + line;
        }
    }

    private DemoCsv() {
    }

    static List<Row> read(String resource) {
        try (InputStream in = DemoCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            String[] header = null;
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (header == null) {
                    header = cells;
                    continue;
                }
                if (cells.length != header.length) {
                    throw new IllegalStateException(resource + " line " + lineNo + ": " + cells.length + " fields, expected "
                            + header.length);
                }
                Map<String, String> fields = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    fields.put(header[i], cells[i].trim());
                }
                rows.add(new Row(resource, lineNo, fields));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
