package io.maestro.workers.allocation.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.maestro.core.carrier.CarrierConstraint;
import io.maestro.core.carrier.CarrierModel;
import io.maestro.core.carrier.CarrierParcel;
import io.maestro.core.carrier.ServiceLevel;
import io.maestro.core.carrier.ShippingTerms;
import io.maestro.workers.allocation.model.RateCard;
import io.maestro.workers.allocation.model.Service;
import io.maestro.workers.bench.LiteratureRateCard;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine's view of core's carrier model: the same prices, in lb, for the services the terms allow. The terms
 * are what DMN carrier-selection answered (its rules are tested in decisions and by CarrierSelectionDecisionTest).
 */
class CarrierRateCardTest {

    private static final CarrierModel MODEL = CarrierModel.demo();
    private static final double LB = CarrierRateCard.LB_PER_KG;

    private static RateCard card(List<RateCard> cards, String carrier) {
        return cards.stream().filter(c -> c.carrier().equals(carrier)).findFirst().orElseThrow();
    }

    @Test
    void everyLanePricesAsCoreQuotesAcrossZonesAndWeights() {
        ShippingTerms terms = new ShippingTerms(false, true, true, CarrierConstraint.NONE);
        for (RateCard card : CarrierRateCard.of(MODEL, terms)) {
            for (Service service : card.services()) {
                for (double miles : new double[] {0, 49, 120, 280, 590, 999, 1300, 1799, 2600}) {
                    RateCard.Lane lane = card.lane(service, miles);
                    for (double kg = 0.05; kg < 90; kg *= 1.37) {
                        CarrierParcel parcel = terms.parcel(miles, kg);
                        double quoted = MODEL.quote(card.carrier(), service.name(), parcel).orElseThrow().price();
                        assertThat(lane.price(kg * LB, 1)).as("%s %s %s mi %s kg", card.carrier(), service, miles, kg)
                                .isCloseTo(quoted, within(1e-9));
                        assertThat(lane.priceIntercept() + lane.pricePerLbFloor() * kg * LB)
                                .isLessThanOrEqualTo(quoted + 1e-9);
                        assertThat(lane.co2Kg(kg * LB)).isCloseTo(
                                MODEL.quote(card.carrier(), service.name(), parcel).orElseThrow().co2Kg(), within(1e-9));
                    }
                    assertThat(card.transitDays(service, miles)).isEqualTo(
                            MODEL.quote(card.carrier(), service.name(), terms.parcel(miles, 1)).orElseThrow().transitDays());
                }
            }
        }
    }

    @Test
    void aCardsLanesAtOnceAreItsLanesOneByOne() {
        ShippingTerms terms = new ShippingTerms(false, true, true, CarrierConstraint.NONE);
        for (RateCard card : CarrierRateCard.of(MODEL, terms)) {
            for (double miles : new double[] {0, 120, 999, 2600}) {
                RateCard.Lane[] lanes = card.lanes(miles);
                assertThat(lanes).hasSize(card.services().size());
                for (int s = 0; s < lanes.length; s++) {
                    RateCard.Lane one = card.lane(card.services().get(s), miles);
                    assertThat(lanes[s].transitDays()).isEqualTo(one.transitDays());
                    assertThat(lanes[s].priceIntercept()).isEqualTo(one.priceIntercept());
                    assertThat(lanes[s].pricePerLbFloor()).isEqualTo(one.pricePerLbFloor());
                    for (double lb = 0.3; lb < 150; lb *= 2.1) {
                        assertThat(lanes[s].price(lb, 20_000, 2)).isEqualTo(one.price(lb, 20_000, 2));
                        assertThat(lanes[s].price(lb, 0, 2)).isEqualTo(one.price(lb, 2));
                        assertThat(lanes[s].co2Kg(lb)).isEqualTo(one.co2Kg(lb));
                    }
                }
            }
        }
    }

    @Test
    void aWeightSummedFromPartsBillsAtItsTrueBreak() {
        RateCard swift = card(CarrierRateCard.demo(), "SWIFT");
        double oneKgInParts = 0.7 * LB + 0.3 * LB;
        assertThat(swift.price(Service.GROUND, 10, oneKgInParts, 1)).isCloseTo(9.35 + 1.10, within(1e-9));
    }

    @Test
    void aParcelTheDecisionKeepsToLicensedGroundGoesWithTheLicensedCarrierByGround() {
        List<RateCard> cards = CarrierRateCard.of(MODEL, new ShippingTerms(true, false, true,
                constraint(Set.of(), true, ServiceLevel.GROUND, ServiceLevel.GROUND)));
        assertThat(cards).extracting(RateCard::carrier).containsExactly("THRIFT");
        assertThat(cards.get(0).services()).containsExactly(Service.GROUND);
    }

    @Test
    void aHazardousParcelGoesOnlyWithCarriersWhoseCardsTakeItEvenWhenTheDecisionAsksNoLicence() {
        List<RateCard> cards = CarrierRateCard.of(MODEL, new ShippingTerms(true, false, true, CarrierConstraint.NONE));
        assertThat(cards).extracting(RateCard::carrier).containsExactly("THRIFT");
    }

    @Test
    void twoDayOrFasterKeepsThoseServices() {
        List<RateCard> cards = CarrierRateCard.of(MODEL, new ShippingTerms(false, false, true,
                constraint(Set.of(), false, ServiceLevel.TWO_DAY, ServiceLevel.OVERNIGHT)));
        assertThat(card(cards, "SWIFT").services()).containsExactly(Service.TWO_DAY, Service.OVERNIGHT);
        assertThat(card(cards, "THRIFT").services()).containsExactly(Service.TWO_DAY);
    }

    @Test
    void carriersTheDecisionDoesNotNameAreLeftOut() {
        List<RateCard> cards = CarrierRateCard.of(MODEL, new ShippingTerms(false, false, true,
                constraint(Set.of("SWIFT", "GREENLINE"), false, ServiceLevel.GROUND, ServiceLevel.OVERNIGHT)));
        assertThat(cards).extracting(RateCard::carrier).containsExactlyInAnyOrder("SWIFT", "GREENLINE");
    }

    private static CarrierConstraint constraint(Set<String> carriers, boolean licence, ServiceLevel slowest,
                                                ServiceLevel fastest) {
        return new CarrierConstraint(carriers, licence, slowest, fastest, false, "test");
    }

    @Test
    void literatureCardChargesPerUnitMile() {
        LiteratureRateCard literature = LiteratureRateCard.literature();
        assertThat(literature.price(Service.GROUND, 1000, 7, 3)).isCloseTo(1.623, within(1e-9));
        assertThat(literature.unitPriceFloor(1000)).isCloseTo(0.541, within(1e-9));
    }
}
