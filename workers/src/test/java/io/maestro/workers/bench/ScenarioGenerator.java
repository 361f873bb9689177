package io.maestro.workers.bench;

import io.maestro.workers.allocation.cost.CarrierRateCard;
import io.maestro.workers.allocation.model.GeoPoint;
import io.maestro.workers.allocation.model.Node;
import io.maestro.workers.allocation.model.NodeType;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.Policy;
import io.maestro.workers.allocation.model.RateCard;
import io.maestro.workers.geo.CityTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Builds a reproducible scenario from a seed: nodes (20 % DC, 70 % store, 10 % 3PL) in cities drawn by
 * population; SKUs with Zipf(1) popularity and log-normal unit weights; orders of 1–5 lines from customers
 * clustered around cities by population; stock of each SKU = ρ × its demand, spread over nodes in proportion
 * to their size (DC 6, 3PL 3, store 1); pick capacity = κ × demand, spread the same way.
 */
final class ScenarioGenerator {

    /** Literature costs (Jasin &amp; Sinha 2015; Ma 2023): per shipment, per unit, per unit-mile. */
    static final double LITERATURE_PER_SHIPMENT = 8.759;
    static final double LITERATURE_PER_UNIT = 0.423;
    static final double LITERATURE_PER_UNIT_MILE = 0.000541;
    /** The widest distance in the contiguous US, used to price an unfilled unit at 2× the dearest unit. */
    static final double LITERATURE_MAX_MILES = 2_800;

    private static final int[] LINE_COUNT_WEIGHTS = {45, 25, 15, 10, 5};
    private static final double ZIPF_EXPONENT = 1.0;

    private final CityTable cities;

    ScenarioGenerator(CityTable cities) {
        this.cities = cities;
    }

    Scenario generate(BenchOptions options) {
        BenchPreset preset = options.preset();
        Random random = new Random(options.seed());
        boolean literature = options.costs().equals("literature");
        List<Node> nodes = nodes(preset.nodes, literature, random);
        double[] unitWeights = new double[preset.skus];
        List<String> skus = new ArrayList<>();
        for (int s = 0; s < preset.skus; s++) {
            skus.add(String.format("SKU-%05d", s));
            unitWeights[s] = Math.min(30, Math.max(0.1, Math.exp(random.nextGaussian() * 0.8 - 0.3)));
        }
        ZipfSampler popularity = new ZipfSampler(preset.skus, ZIPF_EXPONENT);
        List<Order> orders = new ArrayList<>();
        int[] demand = new int[preset.skus];
        for (int o = 0; o < preset.orders; o++) {
            orders.add(order(o, options.lines(), skus, unitWeights, popularity, demand, random));
        }
        double[] size = nodes.stream().mapToDouble(n -> sizeOf(n.type())).toArray();
        int[][] stock = new int[nodes.size()][preset.skus];
        for (int s = 0; s < preset.skus; s++) {
            int supply = (int) Math.round(options.rho() * demand[s]);
            for (int unit = 0; unit < supply; unit++) {
                stock[proportional(size, random)][s]++;
            }
        }
        int[] capacity = new int[nodes.size()];
        int demandUnits = orders.stream().mapToInt(Order::units).sum();
        double totalSize = java.util.Arrays.stream(size).sum();
        for (int n = 0; n < nodes.size(); n++) {
            capacity[n] = Double.isInfinite(options.kappa()) ? Node.UNLIMITED
                    : (int) Math.ceil(options.kappa() * demandUnits * size[n] / totalSize);
        }
        return new Scenario(nodes, skus, orders, stock, capacity, policy(literature), rateCards(literature));
    }

    private List<Node> nodes(int count, boolean literature, Random random) {
        int dcs = Math.max(1, Math.round(count * 0.2f));
        int tpls = Math.max(1, Math.round(count * 0.1f));
        List<Node> nodes = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (int n = 0; n < count; n++) {
            NodeType type = n < dcs ? NodeType.DC : n < dcs + tpls ? NodeType.THREE_PL : NodeType.STORE;
            CityTable.City city = cities.sample(random);
            while (type != NodeType.STORE && !used.add(city.name() + city.state())) {
                city = cities.sample(random);
            }
            String label = switch (type) {
                case DC -> "DC";
                case THREE_PL -> "3PL";
                case STORE -> "Store";
                case DROPSHIPPER -> "Dropship";
            };
            double perShipment = literature ? LITERATURE_PER_SHIPMENT : handlingPerShipment(type);
            double perUnit = literature ? LITERATURE_PER_UNIT : handlingPerUnit(type);
            int daysToShip = type == NodeType.THREE_PL ? 1 : 0;
            nodes.add(new Node(String.format("N%02d", n), city.name() + " " + label + " " + n, type, city.location(),
                    perShipment, perUnit, daysToShip, Node.UNLIMITED, Node.UNLIMITED, false));
        }
        return nodes;
    }

    /** An order of {@code lineTarget} lines, or of 1–5 lines as in the literature when it is 0. */
    private Order order(int index, int lineTarget, List<String> skus, double[] unitWeights, ZipfSampler popularity,
                        int[] demand, Random random) {
        int lineCount = lineTarget > 0 ? lineTarget : 1 + proportional(LINE_COUNT_WEIGHTS, random);
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < Math.min(lineCount, skus.size())) {
            chosen.add(popularity.sample(random));
        }
        List<OrderLine> lines = new ArrayList<>();
        for (int s : chosen) {
            double draw = random.nextDouble();
            int quantity = draw < 0.75 ? 1 : draw < 0.95 ? 2 : 3;
            demand[s] += quantity;
            lines.add(new OrderLine(skus.get(s), quantity, Math.round(unitWeights[s] * 100) / 100.0));
        }
        CityTable.City city = cities.sample(random);
        GeoPoint at = city.location();
        GeoPoint customer = new GeoPoint(clamp(at.latitude() + random.nextGaussian() * 0.08, -90, 90),
                clamp(at.longitude() + random.nextGaussian() * 0.08, -180, 180));
        double draw = random.nextDouble();
        int promiseDays = draw < 0.3 ? 2 : draw < 0.8 ? 3 : 5;
        return Order.ship(String.format("B-%06d", index), customer, promiseDays, lines);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double sizeOf(NodeType type) {
        return switch (type) {
            case DC -> 6;
            case THREE_PL -> 3;
            case STORE, DROPSHIPPER -> 1;
        };
    }

    private static double handlingPerShipment(NodeType type) {
        return switch (type) {
            case DC -> 2.50;
            case THREE_PL -> 3.50;
            case STORE -> 5.00;
            case DROPSHIPPER -> 4.00;
        };
    }

    private static double handlingPerUnit(NodeType type) {
        return switch (type) {
            case DC -> 0.40;
            case THREE_PL -> 0.60;
            case STORE -> 1.20;
            case DROPSHIPPER -> 0.30;
        };
    }

    private static Policy policy(boolean literature) {
        if (!literature) {
            return Policy.balanced();
        }
        double dearestUnit = LITERATURE_PER_SHIPMENT + LITERATURE_PER_UNIT + LITERATURE_PER_UNIT_MILE * LITERATURE_MAX_MILES;
        return new Policy(1, 0, 0, 5, true, true, 0, 0, 0, 2 * dearestUnit);
    }

    private static List<RateCard> rateCards(boolean literature) {
        return literature ? List.of(new LiteratureRateCard(LITERATURE_PER_UNIT_MILE)) : CarrierRateCard.demo();
    }

    private static int proportional(double[] weights, Random random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static int proportional(int[] weights, Random random) {
        double[] asDouble = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            asDouble[i] = weights[i];
        }
        return proportional(asDouble, random);
    }
}
