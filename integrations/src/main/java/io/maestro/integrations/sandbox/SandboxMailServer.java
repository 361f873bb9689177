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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A real SMTP server inside the application (GreenMail) on {@code maestro.sandbox.mail.port}, so the default run
 * delivers its customer e-mails somewhere one can look at: {@code GET /sandbox/mailbox}.
 */
@Component
@ConditionalOnProperty(prefix = "maestro.sandbox.mail", name = "enabled", havingValue = "true", matchIfMissing = true)
public class SandboxMailServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxMailServer.class);

    /** One received mail as the mailbox lists it. */
    public record Mail(String from, String to, String subject, String body, Instant receivedAt) {
    }

    private final GreenMail greenMail;

    public SandboxMailServer(SandboxProperties properties) {
        greenMail = new GreenMail(new ServerSetup(properties.getMail().getPort(), "localhost", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        log.info("Sandbox mail server listening on SMTP port {}", greenMail.getSmtp().getPort());
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
