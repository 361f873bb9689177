package io.maestro.app.console;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The console talks only to Maestro's REST API (DESIGN.md): its Java side renders page shells and may know web and
 * security plumbing and the vocabulary its filters offer (enums), never a service, command, repository or the API's
 * controllers. What it shows and sends goes through {@code console.js} and {@code /api/...}.
 */
class ConsoleTalksOnlyToTheApiTest {

    @Test
    void theConsoleDependsOnNoServiceCommandOrRepository() {
        JavaClasses console = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.maestro.app.console");
        classes().that().resideInAPackage("io.maestro.app.console..")
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "jakarta.servlet..",
                        "org.springframework.stereotype..", "org.springframework.web..", "org.springframework.ui..",
                        "org.springframework.boot.autoconfigure.condition..", "org.springframework.security.core..",
                        "org.springframework.security.authentication..", "io.maestro.app.console..",
                        "io.maestro.app.security..")
                        .or(describe("enums of the model (a filter's choices)", JavaClass::isEnum)))
                .check(console);
    }
}
