package io.maestro.integrations;

import io.maestro.core.network.NodeType;
import io.maestro.integrations.nodes.NodeFormat;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outside systems Maestro talks to ({@code maestro.partners.*}): fulfilment nodes (per node id, else per node
 * type), carriers, and how hard to try. URLs may contain {@code {sandbox}} (this application, whose sandbox
 * partners answer in the default run) and, for nodes, {@code {nodeId}}.
 */
@ConfigurationProperties("maestro.partners")
public class PartnerProperties {

    private final Retry retry = new Retry();
    private final Breaker circuitBreaker = new Breaker();
    private int timeoutMs = 5000;
    private final Map<NodeType, Partner> nodeTypes = new EnumMap<>(NodeType.class);
    private final Map<String, Partner> nodes = new LinkedHashMap<>();
    private final Map<String, Partner> carriers = new LinkedHashMap<>();

    public PartnerProperties() {
        for (NodeType type : NodeType.values()) {
            nodeTypes.put(type, new Partner("{sandbox}/sandbox/nodes/{nodeId}", "sandbox-node-secret"));
        }
        for (String carrier : new String[] {"SWIFT", "THRIFT", "GREENLINE"}) {
            carriers.put(carrier, new Partner("{sandbox}/sandbox/carriers/" + carrier,
                    "sandbox-" + carrier.toLowerCase() + "-secret"));
        }
    }

    /** The system behind a node: its own entry under {@code nodes}, else its type's under {@code node-types}. */
    public Endpoint node(String nodeId, NodeType type) {
        Partner own = nodes.get(nodeId);
        if (own != null) {
            return new Endpoint("node " + nodeId, nodeId, own);
        }
        Partner byType = nodeTypes.get(type);
        if (byType == null) {
            throw new IllegalStateException("No partner configured for node type " + type);
        }
        return new Endpoint("node type " + type, type.name(), byType);
    }

    public Optional<Endpoint> carrier(String carrier) {
        return Optional.ofNullable(carriers.get(carrier)).map(p -> new Endpoint("carrier " + carrier, carrier, p));
    }

    public Retry getRetry() {
        return retry;
    }

    public Breaker getCircuitBreaker() {
        return circuitBreaker;
    }

    public int getTimeoutMs() {
        return timeoutMs;
    }

    public void setTimeoutMs(int timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    public Map<NodeType, Partner> getNodeTypes() {
        return nodeTypes;
    }

    public Map<String, Partner> getNodes() {
        return nodes;
    }

    public Map<String, Partner> getCarriers() {
        return carriers;
    }

    /**
     * One partner system: base URL, the {@code Authorization} header value Maestro sends (empty: none), the body format
     * (nodes only) and the secret its webhooks are signed with.
     */
    public static class Partner {
        private String url;
        private String auth = "";
        private NodeFormat format = NodeFormat.JSON;
        private String secret;

        public Partner() {
        }

        Partner(String url, String secret) {
            this.url = url;
            this.secret = secret;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getAuth() {
            return auth;
        }

        public void setAuth(String auth) {
            this.auth = auth;
        }

        public NodeFormat getFormat() {
            return format;
        }

        public void setFormat(NodeFormat format) {
            this.format = format;
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }
    }

    /** A partner as resolved for a call: {@code name} for people, {@code key} for routes and circuit breakers. */
    public record Endpoint(String name, String key, Partner partner) {

        public String url() {
            return partner.getUrl();
        }

        public String secret() {
            return partner.getSecret();
        }
    }

    /** Redeliveries of a failed partner call, with exponential backoff. */
    public static class Retry {
        private int redeliveries = 3;
        private long initialDelayMs = 200;
        private double multiplier = 2;
        private long maxDelayMs = 5000;

        public int getRedeliveries() {
            return redeliveries;
        }

        public void setRedeliveries(int redeliveries) {
            this.redeliveries = redeliveries;
        }

        public long getInitialDelayMs() {
            return initialDelayMs;
        }

        public void setInitialDelayMs(long initialDelayMs) {
            this.initialDelayMs = initialDelayMs;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public long getMaxDelayMs() {
            return maxDelayMs;
        }

        public void setMaxDelayMs(long maxDelayMs) {
            this.maxDelayMs = maxDelayMs;
        }
    }

    /** When a partner's circuit opens (failure rate over the last calls) and how long it stays open. */
    public static class Breaker {
        private float failureRateThreshold = 50;
        private int minimumCalls = 5;
        private int slidingWindow = 10;
        private long openMs = 30_000;

        public float getFailureRateThreshold() {
            return failureRateThreshold;
        }

        public void setFailureRateThreshold(float failureRateThreshold) {
            this.failureRateThreshold = failureRateThreshold;
        }

        public int getMinimumCalls() {
            return minimumCalls;
        }

        public void setMinimumCalls(int minimumCalls) {
            this.minimumCalls = minimumCalls;
        }

        public int getSlidingWindow() {
            return slidingWindow;
        }

        public void setSlidingWindow(int slidingWindow) {
            this.slidingWindow = slidingWindow;
        }

        public long getOpenMs() {
            return openMs;
        }

        public void setOpenMs(long openMs) {
            this.openMs = openMs;
        }
    }
}
