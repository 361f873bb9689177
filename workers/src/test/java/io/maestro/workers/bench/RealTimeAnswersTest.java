package io.maestro.workers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.workers.allocation.AllocationEngine;
import io.maestro.workers.allocation.AllocationResult;
import io.maestro.workers.allocation.RandomInstances;
import io.maestro.workers.allocation.model.Order;
import io.maestro.workers.allocation.model.OrderLine;
import io.maestro.workers.allocation.model.RejectedAlternative;
import io.maestro.workers.allocation.model.Shipment;
import io.maestro.workers.geo.CityTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The real-time optimiser's answers, fixed: every plan (parcels, carrier services, prices, ETAs, cost), whether it
 * is proven, the nodes that lost and the explanation, over seeded instances — the first 1,500 orders of the
 * 10 lines × 50 nodes day (preset L, seed 42) allocated one after another on shared stock, and 1,000 small random
 * orders. The digests were taken before the speed-ups of 7 Dec 2026; a change that moves any answer fails here.
 */
class RealTimeAnswersTest {

    private static final String TEN_LINES_DAY = "b73bacfbdf44fb633584a82354205907fb08ce796c2714f76a8274a86e0a0c4c";

    private final AllocationEngine engine = new AllocationEngine();

    @Test
    void theTenLinesByFiftyNodesDayIsAnsweredAsBefore() {
        Scenario day = tenLinesDay();
        Digest digest = new Digest();
        NetworkState state = new NetworkState(day);
        for (Order order : day.orders().subList(0, 1_500)) {
            AllocationResult result = engine.allocate(AllocationBenchmark.request(day, state, order));
            digest.add(result);
            state.apply(result.plan());
        }
        assertThat(digest.hex()).isEqualTo(TEN_LINES_DAY);
    }

    /** One engine deciding for two threads at once, as the allocation worker's: each stream answers as one alone. */
    @Test
    void twoStreamsSideBySideAnswerTheDayAsOneDoes() {
        Scenario day = tenLinesDay();
        Digest[] digests = {new Digest(), new Digest()};

        SideBySideStreams.run(engine, day, day.orders().subList(0, 1_500), 2, stream -> digests[stream]::add);

        assertThat(digests[0].hex()).isEqualTo(TEN_LINES_DAY);
        assertThat(digests[1].hex()).isEqualTo(TEN_LINES_DAY);
    }

    private static Scenario tenLinesDay() {
        return new ScenarioGenerator(CityTable.load())
                .generate(BenchOptions.parse("--preset", "L", "--seed", "42", "--lines", "10"));
    }

    @Test
    void smallRandomOrdersAreAnsweredAsBefore() {
        Digest digest = new Digest();
        for (long seed = 0; seed < 1_000; seed++) {
            digest.add(engine.allocate(RandomInstances.request(seed, 5, 8)));
        }
        assertThat(digest.hex()).isEqualTo("82ce3265ee73ebc3e16148f8f4899a89f3494fd8a81432062bd8b2250c83436e");
    }

    private static final class Digest {
        private final MessageDigest sha;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(AllocationResult result) {
            StringBuilder text = new StringBuilder();
            for (Shipment s : result.plan().shipments()) {
                text.append(s.nodeId()).append(lines(s.lines())).append(s.carrier()).append(s.service())
                        .append(String.format(Locale.ROOT, "%.6f|%.6f|%d|%.6f;", s.price(), s.cost(), s.etaDays(),
                                s.co2Kg()));
            }
            text.append(lines(result.plan().unfilledLines()))
                    .append(String.format(Locale.ROOT, "%.6f", result.plan().totalCost()))
                    .append(result.proven()).append(answered(result.alternatives())).append(result.explanation()).append('\n');
            sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Lines as they read before lines carried their goods ({@code OrderLine[sku=…, quantity=…, unitWeightLb=…]}),
         * with their volume when known and a hazardous or oversize mark after those that are: lines of
         * ordinary goods and unknown volume digest as they did.
         */
        private static String lines(List<OrderLine> lines) {
            return lines.stream().map(l -> "OrderLine[sku=" + l.sku() + ", quantity=" + l.quantity() + ", unitWeightLb="
                    + l.unitWeightLb() + "]" + (l.unitVolumeCm3() > 0 ? " " + l.unitVolumeCm3() + " cm3" : "")
                    + (l.hazmat() ? " hazmat" : "") + (l.oversize() ? " oversize" : ""))
                    .collect(Collectors.joining(", ", "[", "]"));
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }

        /** The nodes passed over as they were digested: without their arrival days, given since. */
        private static String answered(List<RejectedAlternative> alternatives) {
            return alternatives.stream().map(a -> "RejectedAlternative[nodeId=" + a.nodeId() + ", nodeName="
                    + a.nodeName() + ", costDelta=" + a.costDelta() + ", reason=" + a.reason() + "]")
                    .collect(Collectors.joining(", ", "[", "]"));
        }
    }
}
