package io.maestro.workers.allocation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The allocation code's packages and which way they may depend: the model, then what things cost, then one
 * order's problem, then the optimisers (real time, then batch), then the explanations (which ask the real-time
 * optimiser for the alternatives they describe), then the engine's entry point. A class that reaches back up, or
 * packages that need each other, fail here.
 */
class AllocationRoomsTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.maestro.workers");

    @Test
    void theAllocationPackagesDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("io.maestro.workers.allocation.model..")
                .layer("cost").definedBy("io.maestro.workers.allocation.cost..")
                .layer("problem").definedBy("io.maestro.workers.allocation.problem..")
                .layer("realtime").definedBy("io.maestro.workers.allocation.realtime..")
                .layer("batch").definedBy("io.maestro.workers.allocation.batch..")
                .layer("explain").definedBy("io.maestro.workers.allocation.explain..")
                .layer("engine").definedBy("io.maestro.workers.allocation")
                .whereLayer("engine").mayNotBeAccessedByAnyLayer()
                .whereLayer("explain").mayOnlyBeAccessedByLayers("engine")
                .whereLayer("batch").mayNotBeAccessedByAnyLayer()
                .whereLayer("realtime").mayOnlyBeAccessedByLayers("batch", "explain", "engine")
                .whereLayer("problem").mayOnlyBeAccessedByLayers("realtime", "batch", "explain", "engine")
                .whereLayer("cost").mayOnlyBeAccessedByLayers("problem", "realtime", "batch", "explain", "engine")
                .check(PRODUCTION);
    }

    @Test
    void theAllocationPackagesHaveNoCycles() {
        slices().matching("io.maestro.workers.allocation.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void theBenchmarkIsNotInTheProductionClasses() {
        noClasses().should().resideInAPackage("..bench..").check(PRODUCTION);
    }
}
