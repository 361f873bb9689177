package io.maestro.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.app.MaestroTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With the engine's authorizations on, each group sees and claims only its own tasks, finds its filters in Tasklist,
 * and reads Cockpit without changing process state beyond what its role allows.
 */
@MaestroTest
class TasklistAccessTest {

    @Autowired TaskService tasks;
    @Autowired FilterService filters;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;

    @Test
    void aClerkNeitherSeesNorClaimsAnOperatorsTaskWhichTheOperatorSeesAndClaims() {
        Task task = tasks.newTask();
        task.setName("Resolve allocation exception");
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), "operator");
        try {
            identity.setAuthentication("clerk", List.of("returns-clerk"));
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
            assertThatThrownBy(() -> tasks.claim(task.getId(), "clerk")).isInstanceOf(AuthorizationException.class);

            identity.setAuthentication("operator", List.of("operator"));
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
            Filter groups = filters.createFilterQuery().filterName(TasklistAccess.MY_GROUPS_TASKS).singleResult();
            assertThat(filters.list(groups.getId())).extracting(t -> ((Task) t).getId()).contains(task.getId());
            tasks.claim(task.getId(), "operator");
            Filter mine = filters.createFilterQuery().filterName(TasklistAccess.MY_TASKS).singleResult();
            assertThat(filters.list(mine.getId())).extracting(t -> ((Task) t).getId()).contains(task.getId());

            identity.setAuthentication("admin", List.of("admin"));
            Filter all = filters.createFilterQuery().filterName(TasklistAccess.ALL_TASKS).singleResult();
            assertThat(filters.list(all.getId())).extracting(t -> ((Task) t).getId()).contains(task.getId());
        } finally {
            identity.clearAuthentication();
            tasks.deleteTask(task.getId(), true);
        }
    }

    @Test
    void everyGroupFindsItsFiltersAndOnlyAdministratorsTheWholeList() {
        Filter mine = filters.createFilterQuery().filterName(TasklistAccess.MY_TASKS).singleResult();
        Filter all = filters.createFilterQuery().filterName(TasklistAccess.ALL_TASKS).singleResult();
        assertThat(mine.getProperties()).containsKey("variables");
        for (String group : TasklistAccess.TASKLIST_GROUPS) {
            assertThat(authorizations.isUserAuthorized("someone", List.of(group), Permissions.READ, Resources.FILTER,
                    mine.getId())).as(group).isTrue();
            assertThat(authorizations.isUserAuthorized("someone", List.of(group), Permissions.READ, Resources.FILTER,
                    all.getId())).as(group).isFalse();
        }
        assertThat(authorizations.isUserAuthorized("someone", List.of("admin"), Permissions.READ, Resources.FILTER,
                all.getId())).isTrue();
    }

    @Test
    void inCockpitAnOperatorRetriesFailedJobsButNeitherCancelsInstancesNorEditsVariables() {
        List<String> operator = List.of("operator");
        assertThat(authorizations.isUserAuthorized("op", operator, Permissions.READ, Resources.PROCESS_INSTANCE)).isTrue();
        assertThat(authorizations.isUserAuthorized("op", operator, ProcessInstancePermissions.RETRY_JOB,
                Resources.PROCESS_INSTANCE)).isTrue();
        assertThat(authorizations.isUserAuthorized("op", operator, Permissions.DELETE, Resources.PROCESS_INSTANCE)).isFalse();
        assertThat(authorizations.isUserAuthorized("op", operator, Permissions.UPDATE, Resources.PROCESS_INSTANCE)).isFalse();
        assertThat(authorizations.isUserAuthorized("op", operator, ProcessInstancePermissions.UPDATE_VARIABLE,
                Resources.PROCESS_INSTANCE)).isFalse();
        List<String> viewer = List.of("viewer");
        assertThat(authorizations.isUserAuthorized("v", viewer, Permissions.READ, Resources.PROCESS_INSTANCE)).isTrue();
        assertThat(authorizations.isUserAuthorized("v", viewer, ProcessInstancePermissions.RETRY_JOB,
                Resources.PROCESS_INSTANCE)).isFalse();
        assertThat(authorizations.isUserAuthorized("a", List.of("admin"), Permissions.DELETE, Resources.PROCESS_INSTANCE))
                .isTrue();
        List<String> clerk = List.of("returns-clerk");
        assertThat(authorizations.isUserAuthorized("c", clerk, Permissions.READ, Resources.PROCESS_DEFINITION)).isTrue();
        assertThat(authorizations.isUserAuthorized("c", clerk, Permissions.READ, Resources.PROCESS_INSTANCE)).isFalse();
    }
}
