package io.maestro.integrations.erp;

import io.maestro.integrations.channels.MalformedPayloadException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** UTF-8 CSV with a header row, read into rows of named cells with their line numbers (the header is line 1). */
final class ErpCsv {

    record Row(long line, Map<String, String> cells) {
        String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    private ErpCsv() {
    }

    static List<Row> read(byte[] content, List<String> required) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString()
                    .replaceFirst("^\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new MalformedPayloadException("not UTF-8 text: " + e.getMessage());
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> missing = required.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new MalformedPayloadException("line 1: header lacks column(s) " + String.join(", ", missing));
            }
            for (CSVRecord record : parser) {
                Map<String, String> cells = new LinkedHashMap<>(record.toMap());
                rows.add(new Row(parser.getCurrentLineNumber(), cells));
            }
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new MalformedPayloadException("not readable as CSV: " + root(e));
        } catch (IOException e) {
            throw new MalformedPayloadException("not readable as CSV: " + e.getMessage());
        }
        return rows;
    }

    static String write(List<String> header, List<? extends List<?>> records) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n').get())) {
            for (List<?> record : records) {
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
