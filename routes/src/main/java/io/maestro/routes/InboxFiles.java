package io.maestro.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox folders under {@code ${maestro.data-dir}/inbox/<partner>/}: how their file routes take files and where
 * their reports go. A file is moved, when its exchange completes, to {@code done/} or {@code error/} (header
 * {@link #OUTCOME}); a failure moves it to {@code error/}. The database remembers every file taken (Camel's JDBC
 * idempotent repository, key = name, size and modification time), so a file is never imported twice, and a file
 * the application stopped in the middle of stays in the inbox and is taken again on start.
 */
@Configuration(proxyBeanMethods = false)
public class InboxFiles {

    /** Header: the folder (under the inbox) the file goes to when its exchange completes. */
    public static final String OUTCOME = "MaestroFileOutcome";
    public static final String DONE = "done";
    public static final String ERROR = "error";

    /** The file endpoint options every inbox route uses. */
    public static String options(String repository) {
        return "?antInclude=*.csv,*.json,*.CSV,*.JSON&move=${header." + OUTCOME + "}/${file:name}&moveFailed=" + ERROR
                + "/${file:name}&idempotent=true&idempotentRepository=#" + repository
                + "&idempotentKey=${file:name}-${file:size}-${file:modified}&delay={{maestro.inbox.poll-ms:2000}}"
                + "&initialDelay={{maestro.inbox.poll-ms:2000}}";
    }

    /** Writes a report next to where the file goes ({@code <outcome>/<file name><suffix>}) and sets the outcome. */
    public static void report(Exchange exchange, String outcome, String suffix, String content) {
        exchange.getMessage().setHeader(OUTCOME, outcome);
        if (content == null) {
            return;
        }
        Path folder = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class), outcome);
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class) + suffix),
                    content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    JdbcMessageIdRepository marketplaceFiles(DataSource dataSource, PlatformTransactionManager transactions) {
        return repository(dataSource, transactions, "marketplace-orders");
    }

    @Bean
    JdbcMessageIdRepository erpFiles(DataSource dataSource, PlatformTransactionManager transactions) {
        return repository(dataSource, transactions, "erp-files");
    }

    private static JdbcMessageIdRepository repository(DataSource dataSource, PlatformTransactionManager transactions,
                                                      String processor) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, new TransactionTemplate(transactions),
                processor);
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
