package io.maestro.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.decisions.DecisionTable.Evaluation;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DMN {@code stock-protection}: with nodeType null a category's channel protections; with a node type also the
 * safety stock a position of that type keeps (the maximum of the matched rows).
 */
class StockProtectionTest {

    private static final DecisionTable TABLE = new DecisionTable("stock-protection");

    @Test
    void apparelHoldsTwentyPercentForWeb() {
        for (String category : new String[] {"TSHIRTS", "TOPS", "BOTTOMS"}) {
            Evaluation e = TABLE.evaluate(protectionsOf(category));

            assertThat(e.matchedRuleIds()).containsExactly("Rule_ApparelHeldForWeb");
            assertProtections(e, List.of("WEB"), List.of(20.0));
        }
    }

    @Test
    void outerwearHoldsTwentyFivePercentForWeb() {
        Evaluation e = TABLE.evaluate(protectionsOf("OUTERWEAR"));

        assertThat(e.matchedRuleIds()).containsExactly("Rule_OuterwearHeldForWeb");
        assertProtections(e, List.of("WEB"), List.of(25.0));
    }

    @Test
    void shoesHoldTwentyPercentForWeb() {
        Evaluation e = TABLE.evaluate(protectionsOf("SHOES"));

        assertThat(e.matchedRuleIds()).containsExactly("Rule_ShoesHeldForWeb");
        assertProtections(e, List.of("WEB"), List.of(20.0));
    }

    @Test
    void bagsHoldFifteenPercentForMarketplace() {
        Evaluation e = TABLE.evaluate(protectionsOf("BAGS"));

        assertThat(e.matchedRuleIds()).containsExactly("Rule_BagsHeldForMarketplace");
        assertProtections(e, List.of("MARKETPLACE"), List.of(15.0));
    }

    @Test
    void categoriesWithoutProtectionHoldNothing() {
        Evaluation e = TABLE.evaluate(protectionsOf("ACCESSORIES"));

        assertThat(e.matchedRuleIds()).isEmpty();
    }

    @Test
    void storeKeepsOneDisplayUnitOfAnything() {
        Evaluation e = TABLE.evaluate(position("ACCESSORIES", "STORE"));

        assertThat(e.matchedRuleIds()).containsExactly("Rule_StoreDisplayUnit");
        assertThat(safetyStock(e)).isEqualTo(1);
        assertThat(e.<String>collect("protectedChannel")).containsOnlyNulls();
    }

    @Test
    void storeKeepsTwoUnitsOfApparelAndShoesToTryOn() {
        Evaluation e = TABLE.evaluate(position("SHOES", "STORE"));

        assertThat(e.matchedRuleIds()).containsExactly("Rule_ShoesHeldForWeb", "Rule_StoreDisplayUnit", "Rule_StoreTryOnStock");
        assertThat(e.<Integer>collect("safetyStock")).containsExactly(0, 1, 2);
        assertThat(safetyStock(e)).isEqualTo(2);
    }

    @Test
    void dcsSellToTheLastUnit() {
        Evaluation e = TABLE.evaluate(position("TSHIRTS", "DC"));

        assertThat(e.matchedRuleIds()).containsExactly("Rule_ApparelHeldForWeb", "Rule_DcNoSafetyStock");
        assertThat(safetyStock(e)).isZero();
    }

    @Test
    void threePlKeepsOneUnitForItsReportingLag() {
        Evaluation e = TABLE.evaluate(position("OUTDOOR", "THREE_PL"));

        assertThat(e.matchedRuleIds()).containsExactly("Rule_ThreePlBuffer");
        assertThat(safetyStock(e)).isEqualTo(1);
    }

    @Test
    void dropShipperKeepsTwoUnitsForItsDailyFeed() {
        Evaluation e = TABLE.evaluate(position("OUTDOOR", "DROPSHIPPER"));

        assertThat(e.matchedRuleIds()).containsExactly("Rule_DropshipperBuffer");
        assertThat(safetyStock(e)).isEqualTo(2);
    }

    private static Inputs protectionsOf(String category) {
        return position(category, null);
    }

    private static Inputs position(String category, String nodeType) {
        return Inputs.of("category", category, "nodeType", nodeType);
    }

    private static void assertProtections(Evaluation e, List<String> channels, List<Double> percents) {
        assertThat(e.<String>collect("protectedChannel")).isEqualTo(channels);
        assertThat(e.<Double>collect("protectedPercent")).isEqualTo(percents);
        assertThat(e.<Integer>collect("safetyStock")).containsOnly(0);
    }

    private static int safetyStock(Evaluation e) {
        return Collections.max(e.<Integer>collect("safetyStock"));
    }
}
