package io.maestro.app.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows in its frame: the person logged in and what they may do. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
@ConditionalOnWebApplication
public class ConsoleModel {

    @ModelAttribute("me")
    ConsoleUser me(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return ConsoleUser.of(authentication);
    }
}
