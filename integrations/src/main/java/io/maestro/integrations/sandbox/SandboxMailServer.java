package io.maestro.integrations.sandbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * A real SMTP server inside the application (GreenMail) on {@code maestro.sandbox.mail.port} (0: a free port), so
 * the default run delivers its customer e-mails somewhere one can look at: {@code GET /sandbox/mailbox}. While no
 * SMTP server is configured ({@code maestro.notifications.smtp.host} empty) it is the one notifications go to.
 */
@Component
@ConditionalOnProperty(prefix = "maestro.sandbox.mail", name = "enabled", havingValue = "true", matchIfMissing = true)
public class SandboxMailServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxMailServer.class);

    /** One received mail as the mailbox lists it. */
    public record Mail(String from, String to, String subject, String body, Instant receivedAt) {
    }

    private final GreenMail greenMail;

    public SandboxMailServer(SandboxProperties properties, ConfigurableEnvironment environment) {
        ServerSetup setup = new ServerSetup(properties.getMail().getPort(), "localhost", ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(properties.getMail().getPort() == 0 ? setup.dynamicPort() : setup);
        greenMail.start();
        log.info("Sandbox mail server listening on SMTP port {}", port());
        if (environment.getProperty("maestro.notifications.smtp.host", "").isBlank()) {
            environment.getPropertySources().addFirst(new MapPropertySource("sandbox-mail-server", Map.of(
                    "maestro.notifications.smtp.host", "localhost", "maestro.notifications.smtp.port", port())));
        }
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    public List<Mail> received() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(SandboxMailServer::mail).toList();
    }

    private static Mail mail(MimeMessage message) {
        try {
            return new Mail(addresses(message.getFrom()), addresses(message.getAllRecipients()), message.getSubject(),
                    GreenMailUtil.getBody(message).trim(),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant());
        } catch (MessagingException e) {
            return new Mail(null, null, null, "unreadable mail: " + e.getMessage(), null);
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? null : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    @Override
    public void destroy() {
        greenMail.stop();
    }
}
