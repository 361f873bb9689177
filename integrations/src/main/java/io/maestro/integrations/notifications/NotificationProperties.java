package io.maestro.integrations.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery of the notification outbox ({@code maestro.notifications.*}): how often it is polled, how a failure
 * is retried (exponential from {@code retry-delay-ms}, FAILED after {@code max-attempts}), the SMTP server
 * (the sandbox mail server in the default run) and an optional signed webhook.
 */
@ConfigurationProperties("maestro.notifications")
public class NotificationProperties {

    private boolean enabled = true;
    private long pollMs = 1000;
    private int batch = 20;
    private int maxAttempts = 5;
    private long retryDelayMs = 30_000;
    private long claimMs = 60_000;
    private final Smtp smtp = new Smtp();
    private final Webhook webhook = new Webhook();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public long getPollMs() {
        return pollMs;
    }

    public void setPollMs(long pollMs) {
        this.pollMs = pollMs;
    }

    public int getBatch() {
        return batch;
    }

    public void setBatch(int batch) {
        this.batch = batch;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public long getRetryDelayMs() {
        return retryDelayMs;
    }

    public void setRetryDelayMs(long retryDelayMs) {
        this.retryDelayMs = retryDelayMs;
    }

    public long getClaimMs() {
        return claimMs;
    }

    public void setClaimMs(long claimMs) {
        this.claimMs = claimMs;
    }

    public Smtp getSmtp() {
        return smtp;
    }

    public Webhook getWebhook() {
        return webhook;
    }

    /** The SMTP server customer e-mails go through; none while {@code host} is empty (the sandbox's then, if it runs). */
    public static class Smtp {
        private String host = "";
        private int port = 25;
        private String username = "";
        private String password = "";
        private String from = "Maestro <orders@maestro.local>";

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }
    }

    /** Where every notification is also POSTed, signed with {@code secret}; off while {@code url} is empty. */
    public static class Webhook {
        private String url = "";
        private String secret = "";

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }
    }
}
