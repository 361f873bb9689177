package io.maestro.integrations.sandbox;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** What the sandbox mail server received, newest last; {@code ?to=} filters by recipient. */
@RestController
public class SandboxMailboxController {

    private final ObjectProvider<SandboxMailServer> mail;

    public SandboxMailboxController(ObjectProvider<SandboxMailServer> mail) {
        this.mail = mail;
    }

    @GetMapping("/sandbox/mailbox")
    public List<SandboxMailServer.Mail> mailbox(@RequestParam(required = false) String to) {
        SandboxMailServer server = mail.getIfAvailable();
        if (server == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The sandbox mail server is off");
        }
        return server.received().stream().filter(m -> to == null || (m.to() != null && m.to().contains(to))).toList();
    }
}
