package io.maestro.app.config;

import io.maestro.app.security.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * What each group sees and may do in the Camunda webapps (with {@code camunda.bpm.authorization.enabled}), and the
 * Tasklist filters they find on first login. People see a task through its candidate group (the engine grants a
 * task's candidate groups read and work on it) or because it is assigned to them; administrators see everything.
 * Cockpit is for reading: operators may retry a failed job, nobody but an administrator may edit variables, cancel
 * or modify an instance. Missing filters and grants are added on every start; nothing else is changed.
 */
@Component
@ConditionalOnWebApplication
public class TasklistAccess {

    static final String MY_TASKS = "My tasks";
    static final String MY_GROUPS_TASKS = "My groups' tasks";
    static final String ALL_TASKS = "All tasks";

    /** Groups of people who work in Tasklist: the role groups and the user tasks' candidate groups. */
    static final List<String> TASKLIST_GROUPS = List.of(Role.OPERATOR.groupId(), Role.ANALYST.groupId(),
            Role.VIEWER.groupId(), "store-associate", "returns-clerk");
    /** Groups that read processes and decisions in Cockpit. */
    static final List<String> COCKPIT_GROUPS = List.of(Role.OPERATOR.groupId(), Role.ANALYST.groupId(),
            Role.VIEWER.groupId());

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    public TasklistAccess(AuthorizationService authorizations, FilterService filters, TaskService tasks) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    public void ensure() {
        String admin = Role.ADMIN.groupId();
        for (Resource resource : Resources.values()) {
            grant(admin, resource, Permissions.ALL);
        }
        for (String group : TASKLIST_GROUPS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.USER, Permissions.READ);
            grant(group, Resources.GROUP, Permissions.READ);
            // The process's name beside each task; starting or reading instances needs more.
            grant(group, Resources.PROCESS_DEFINITION, Permissions.READ);
        }
        for (String group : COCKPIT_GROUPS) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY);
            grant(group, Resources.PROCESS_INSTANCE, Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, Permissions.READ, Permissions.READ_HISTORY);
            grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, Permissions.READ);
            grant(group, Resources.DEPLOYMENT, Permissions.READ);
        }
        String operator = Role.OPERATOR.groupId();
        grant(operator, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.RETRY_JOB);
        grant(operator, Resources.PROCESS_INSTANCE, ProcessInstancePermissions.RETRY_JOB);
        grant(Role.ANALYST.groupId(), Resources.DEPLOYMENT, Permissions.CREATE);

        filter(MY_TASKS, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), -10,
                "Tasks assigned to me", TASKLIST_GROUPS);
        filter(MY_GROUPS_TASKS, tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks(), 0, "Every task of my groups, claimed or not", TASKLIST_GROUPS);
        filter(ALL_TASKS, tasks.createTaskQuery(), 10, "Every open task (administrators)", List.of());
    }

    private void filter(String name, TaskQuery query, int priority, String description, List<String> groups) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", description);
            properties.put("priority", priority);
            properties.put("refresh", true);
            properties.put("variables", List.of(variable("orderId", "Order"), variable("customerTier", "Customer tier"),
                    variable("channel", "Channel"), variable("orderValue", "Value (USD)")));
            filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
            filters.saveFilter(filter);
        }
        for (String group : groups) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private static Map<String, String> variable(String name, String label) {
        return Map.of("name", name, "label", label);
    }

    private void grant(String group, Resource resource, Permission... permissions) {
        grant(group, resource, Authorization.ANY, permissions);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
