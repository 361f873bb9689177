package io.maestro.app.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page of the console and the Camunda webapps (Spring Security checks what it posts to /login). */
@Controller
@ConditionalOnWebApplication
public class LoginPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
