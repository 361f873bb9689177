package io.maestro.app.console;

import io.maestro.app.security.Role;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;

/** Who is looking at the console and what their role lets them do there (the same as in the API). */
public record ConsoleUser(String name, Set<Role> roles) {

    static ConsoleUser of(Authentication authentication) {
        Set<String> authorities = authentication.getAuthorities().stream().map(a -> a.getAuthority())
                .collect(Collectors.toSet());
        Set<Role> roles = java.util.Arrays.stream(Role.values()).filter(r -> authorities.contains(r.authority()))
                .collect(Collectors.toSet());
        return new ConsoleUser(authentication.getName(), roles);
    }

    /** Order commands, pausing and opening nodes, replaying and discarding dead letters. */
    public boolean mayOperate() {
        return roles.contains(Role.OPERATOR) || roles.contains(Role.ADMIN);
    }

    /** The exceptions queue and dead letters. */
    public boolean maySeeExceptions() {
        return mayOperate() || roles.contains(Role.VIEWER);
    }

    /** Soft launches of decision tables: start, promote, roll back. */
    public boolean mayChangeRules() {
        return roles.contains(Role.ANALYST) || roles.contains(Role.ADMIN);
    }

    public String roleNames() {
        return roles.stream().map(r -> r.name().toLowerCase()).sorted().collect(Collectors.joining(", "));
    }
}
