package io.maestro.app.config;

import io.maestro.app.security.Role;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The groups behind Maestro's roles, and the users put in them. Runs without demo data must name
 * the administrator's password ({@code MAESTRO_ADMIN_PASSWORD}); Maestro creates no default credentials there.
 */
@Component
@ConditionalOnWebApplication
public class IdentityBootstrap {

    private final IdentityService identity;
    private final TasklistAccess tasklist;

    public IdentityBootstrap(IdentityService identity, TasklistAccess tasklist) {
        this.identity = identity;
        this.tasklist = tasklist;
    }

    /**
     * Creates the role groups, Camunda's admin group and the user tasks' candidate groups where missing, with their
     * webapp authorizations and Tasklist filters ({@link TasklistAccess}).
     */
    public void ensureGroups() {
        for (Role role : Role.values()) {
            ensureGroup(role.groupId(), "Maestro " + role.name().toLowerCase() + "s");
        }
        ensureGroup(Role.CAMUNDA_ADMIN_GROUP, "Camunda administrators");
        ensureGroup("store-associate", "Store associates");
        ensureGroup("returns-clerk", "Returns clerks");
        tasklist.ensure();
    }

    /** Creates the user with the password and groups unless a user of that id exists; true when created. */
    public boolean ensureUser(String id, String password, String firstName, List<String> groups) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return false;
        }
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName("(Maestro)");
        user.setPassword(password);
        identity.saveUser(user);
        groups.forEach(group -> identity.createMembership(id, group));
        return true;
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }
}
