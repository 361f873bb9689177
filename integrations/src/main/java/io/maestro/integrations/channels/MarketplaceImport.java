package io.maestro.integrations.channels;

import io.maestro.core.IdempotencyConflictException;
import io.maestro.core.InvalidRequestException;
import io.maestro.core.Violation;
import io.maestro.core.deadletter.DeadLetters;
import io.maestro.core.order.IntakeResult;
import io.maestro.core.order.OrderIntake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

/**
 * One marketplace file in one go: every good order goes to the idempotent intake (each in its own transaction);
 * an order with a bad row is not taken: all its rows go to the error report and the order to a dead letter of
 * source {@value #SOURCE}. Reading the same file again creates nothing new: orders are idempotent on
 * (MARKETPLACE, marketplace order id), dead letters on the file's content and the order.
 */
@Service
public class MarketplaceImport {

    public static final String SOURCE = "marketplace-file";
    static final String ACTOR = "channel:" + MarketplaceCsv.CHANNEL;
    private static final Pattern LINE_FIELD = Pattern.compile("^lines\\[(\\d+)]");

    /** What a file did; {@code errorReport} is the CSV written next to it, null when every row was taken. */
    public record Report(String fileName, int ordersCreated, int ordersAlreadyKnown, int ordersRejected, int badLines,
                         String errorReport) {
        public boolean hasErrors() {
            return errorReport != null;
        }
    }

    /** One line of the error report. */
    public record ErrorLine(long line, String marketplaceOrderId, String reason) {
    }

    private final OrderIntake intake;
    private final DeadLetters deadLetters;

    public MarketplaceImport(OrderIntake intake, DeadLetters deadLetters) {
        this.intake = intake;
        this.deadLetters = deadLetters;
    }

    public Report importFile(String fileName, byte[] content) {
        return run(fileName, content, true);
    }

    /** Takes the orders of a dead letter's payload again; throws with every reason when one is still bad. */
    public void replay(String payload) {
        Report report = run("replay", payload.getBytes(StandardCharsets.UTF_8), false);
        if (report.hasErrors()) {
            throw new InvalidRequestException("payload", report.errorReport().lines().skip(1)
                    .reduce((a, b) -> a + "; " + b).orElse("rejected"));
        }
    }

    private Report run(String fileName, byte[] content, boolean keepDeadLetters) {
        String fileKey = fileName + " sha256:" + sha256(content).substring(0, 16);
        List<MarketplaceCsv.OrderRows> orders;
        try {
            orders = MarketplaceCsv.parse(content);
        } catch (MalformedPayloadException e) {
            long line = e.getMessage().startsWith("line 1:") ? 1 : 0;
            if (keepDeadLetters) {
                recordOnce(fileKey, new String(content, StandardCharsets.UTF_8), e.getMessage());
            }
            return new Report(fileName, 0, 0, 0, 0, errorReport(List.of(new ErrorLine(line, "", e.getMessage()))));
        }
        int created = 0;
        int known = 0;
        int rejected = 0;
        List<ErrorLine> errors = new ArrayList<>();
        for (MarketplaceCsv.OrderRows order : orders) {
            List<ErrorLine> problems = problems(order);
            if (problems.isEmpty()) {
                try {
                    IntakeResult result = intake.accept(MarketplaceCsv.toNewOrder(order), ACTOR);
                    if (result.created()) {
                        created++;
                    } else {
                        known++;
                    }
                    continue;
                } catch (InvalidRequestException e) {
                    problems = problems(order, e.violations());
                } catch (IdempotencyConflictException e) {
                    problems = problems(order, List.of(new Violation(e.field(), e.getMessage())));
                }
            }
            rejected++;
            List<ErrorLine> all = withOrderMates(order, problems);
            errors.addAll(all);
            if (keepDeadLetters) {
                recordOnce(fileKey + " order " + (order.marketplaceOrderId() == null ? "line " + order.rows().get(0).line()
                    : order.marketplaceOrderId()), MarketplaceCsv.toCsv(order), reasons(problems));
            }
        }
        errors.sort(Comparator.comparingLong(ErrorLine::line));
        return new Report(fileName, created, known, rejected, errors.size(), errors.isEmpty() ? null : errorReport(errors));
    }

    private static List<ErrorLine> problems(MarketplaceCsv.OrderRows order) {
        List<ErrorLine> problems = new ArrayList<>();
        for (MarketplaceCsv.Row row : order.rows()) {
            row.problems().forEach(p -> problems.add(new ErrorLine(row.line(), order.marketplaceOrderId(), p)));
        }
        return problems;
    }

    /** The intake's rejection on the lines it concerns: line fields on their row, order fields on the first row. */
    private static List<ErrorLine> problems(MarketplaceCsv.OrderRows order, List<Violation> violations) {
        Map<Long, List<String>> byLine = new TreeMap<>();
        for (Violation v : violations) {
            long line = order.rows().get(0).line();
            Matcher m = LINE_FIELD.matcher(v.field());
            if (m.find() && Integer.parseInt(m.group(1)) < order.rows().size()) {
                line = order.rows().get(Integer.parseInt(m.group(1))).line();
            }
            byLine.computeIfAbsent(line, k -> new ArrayList<>()).add(MarketplaceCsv.column(v.field()) + ": " + v.message());
        }
        List<ErrorLine> problems = new ArrayList<>();
        byLine.forEach((line, reasons) -> problems.add(new ErrorLine(line, order.marketplaceOrderId(), String.join("; ", reasons))));
        return problems;
    }

    /** Good rows of a rejected order are reported too: they were not taken either. */
    private static List<ErrorLine> withOrderMates(MarketplaceCsv.OrderRows order, List<ErrorLine> problems) {
        Map<Long, List<String>> byLine = new TreeMap<>();
        problems.forEach(p -> byLine.computeIfAbsent(p.line(), k -> new ArrayList<>()).add(p.reason()));
        String badLines = byLine.keySet().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
        List<ErrorLine> all = new ArrayList<>();
        for (MarketplaceCsv.Row row : order.rows()) {
            List<String> reasons = byLine.get(row.line());
            all.add(new ErrorLine(row.line(), order.marketplaceOrderId() == null ? "" : order.marketplaceOrderId(),
                    reasons != null ? String.join("; ", reasons)
                            : "not taken: order " + order.marketplaceOrderId() + " has bad line(s) " + badLines));
        }
        return all;
    }

    private static String reasons(List<ErrorLine> problems) {
        return problems.stream().map(p -> "line " + p.line() + ": " + p.reason()).reduce((a, b) -> a + "; " + b).orElse("");
    }

    private void recordOnce(String reference, String payload, String reason) {
        if (deadLetters.findByReference(SOURCE, reference).isEmpty()) {
            deadLetters.record(SOURCE, reference, payload, reason);
        }
    }

    static String errorReport(List<ErrorLine> errors) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("line", "marketplace_order_id", "reason").setRecordSeparator('\n').get())) {
            for (ErrorLine e : errors) {
                printer.printRecord(e.line(), e.marketplaceOrderId(), e.reason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
