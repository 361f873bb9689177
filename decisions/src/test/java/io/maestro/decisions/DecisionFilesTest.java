package io.maestro.decisions;

import static io.maestro.decisions.DmnFile.CAMUNDA;
import static io.maestro.decisions.DmnFile.DMN;
import static io.maestro.decisions.DmnFile.DMNDI;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/** What every table at the module root must be to deploy, open in Camunda Modeler and be read by an analyst. */
class DecisionFilesTest {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    /** Ids Camunda Modeler generates, like {@code DecisionRule_0abc1de}: say nothing to the reader. */
    private static final Pattern GENERATED_ID = Pattern.compile(".*_(?=[a-z]*[0-9])[0-9a-z]{7}");
    private static final Pattern RULE_ID = Pattern.compile("Rule_[A-Z][A-Za-z]+");

    static List<DmnFile> files() {
        return DmnFile.all();
    }

    @Test
    void theModuleHoldsTheNineContractDecisionsAndItsJarCarriesThem() throws IOException {
        assertThat(files()).extracting(DmnFile::expectedDecisionId).containsExactlyInAnyOrderElementsOf(
                DecisionContractTest.DECISION_IDS);
        for (DmnFile file : files()) {
            try (InputStream packaged = DecisionFilesTest.class.getResourceAsStream("/dmn/" + file.fileName())) {
                assertThat(packaged).as("%s under dmn/ on the classpath", file).isNotNull();
                assertThat(packaged.readAllBytes()).as(file.fileName()).isEqualTo(Files.readAllBytes(file.path()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void parsesInTheDmnEngineAsOneDecisionTableNamedLikeTheFile(DmnFile file) throws IOException {
        try (InputStream in = Files.newInputStream(file.path())) {
            List<DmnDecision> decisions = ENGINE.parseDecisions(in);

            assertThat(decisions).extracting(DmnDecision::getKey).containsExactly(file.expectedDecisionId());
            assertThat(decisions.get(0).isDecisionTable()).isTrue();
        }
        assertThat(file.document().getDocumentElement().getNamespaceURI()).isEqualTo(DMN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyDecisionKeepsHistoryForAWhileAndHasADiagramShape(DmnFile file) {
        List<String> shapeRefs = file.elements(DMNDI, "DMNShape").stream().map(s -> s.getAttribute("dmnElementRef")).toList();
        assertThat(file.elements(DMNDI, "DMNDiagram")).hasSize(1);
        for (Element decision : file.elements(DMN, "decision")) {
            assertThat(decision.getAttributeNS(CAMUNDA, "historyTimeToLive")).as("historyTimeToLive").isEqualTo("P180D");
            assertThat(shapeRefs).as("DMNShape per decision").contains(decision.getAttribute("id"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyRuleSaysWhyInOneSentence(DmnFile file) {
        for (Element rule : file.elements(DMN, "rule")) {
            List<Element> descriptions = DmnFile.elements(rule, DMN, "description");
            assertThat(descriptions).as("annotation of %s", rule.getAttribute("id")).hasSize(1);
            assertThat(descriptions.get(0).getTextContent()).as("annotation of %s", rule.getAttribute("id"))
                    .isNotBlank().endsWith(".");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void idsAreReadable(DmnFile file) {
        assertThat(file.ids()).as("ids").doesNotHaveDuplicates()
                .noneMatch(id -> GENERATED_ID.matcher(id).matches());
        assertThat(file.elements(DMN, "rule")).extracting(r -> r.getAttribute("id"))
                .allMatch(id -> RULE_ID.matcher(id).matches(), "Rule_ followed by words in CamelCase");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void inputsAreTypedFeelAndOutputsNamedAndTyped(DmnFile file) {
        for (Element expression : file.elements(DMN, "inputExpression")) {
            assertThat(expression.getAttribute("typeRef")).as("input typeRef").isIn("string", "boolean", "integer", "double");
            assertThat(expression.getAttribute("expressionLanguage")).as("input expression language").isEqualTo("feel");
        }
        for (Element output : file.elements(DMN, "output")) {
            assertThat(output.getAttribute("name")).as("output name").isNotBlank();
            assertThat(output.getAttribute("typeRef")).as("output typeRef").isIn("string", "boolean", "integer", "double");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void firstTablesEndWithACatchAll(DmnFile file) {
        Element table = file.elements(DMN, "decisionTable").get(0);
        if (!"FIRST".equals(table.getAttribute("hitPolicy"))) {
            return;
        }
        List<Element> rules = file.elements(DMN, "rule");
        Element last = rules.get(rules.size() - 1);
        assertThat(DmnFile.elements(last, DMN, "inputEntry")).as("input entries of %s", last.getAttribute("id"))
                .extracting(DmnFile::text).allMatch(text -> text.isEmpty() || text.equals("-"));
        for (Element rule : rules.subList(0, rules.size() - 1)) {
            assertThat(DmnFile.elements(rule, DMN, "inputEntry")).as("%s is not a second catch-all", rule.getAttribute("id"))
                    .extracting(DmnFile::text).anyMatch(text -> !text.isEmpty() && !text.equals("-"));
        }
    }
}
