package io.maestro.app.security;

import java.util.Map;
import java.util.Optional;

/** What a person or integration may do. People get roles from their Camunda groups of the same name. */
public enum Role {
    ADMIN, ANALYST, OPERATOR, INTEGRATION, VIEWER;

    /** Camunda's built-in administrators' group; its members are Maestro administrators too. */
    public static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    /** Candidate groups of user tasks (store associates, returns clerks): in the API their members act as operators. */
    public static final Map<String, Role> TASK_GROUPS = Map.of("store-associate", OPERATOR, "returns-clerk", OPERATOR);

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
        if (TASK_GROUPS.containsKey(groupId)) {
            return Optional.of(TASK_GROUPS.get(groupId));
        }
        for (Role role : values()) {
            if (role.groupId().equals(groupId)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
