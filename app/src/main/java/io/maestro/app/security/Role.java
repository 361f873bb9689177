package io.maestro.app.security;

import java.util.Optional;

/** What a person or integration may do. People get roles from their Camunda groups of the same name. */
public enum Role {
    ADMIN, ANALYST, OPERATOR, INTEGRATION, VIEWER;

    /** Camunda's built-in administrators' group; its members are Maestro administrators too. */
    public static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    public String groupId() {
        return name().toLowerCase();
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> ofGroup(String groupId) {
        if (CAMUNDA_ADMIN_GROUP.equals(groupId)) {
            return Optional.of(ADMIN);
        }
        for (Role role : values()) {
            if (role.groupId().equals(groupId)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
