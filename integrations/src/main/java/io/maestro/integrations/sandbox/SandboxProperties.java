package io.maestro.integrations.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sandbox partners ({@code maestro.sandbox.*}): how fast simulated time runs ({@code speed}: seconds per
 * simulated day), how often nodes reject and carriers run late, the sandbox mail server, and the faults injected
 * per partner ({@code faults.<SWIFT|THRIFT|GREENLINE|nodes|nodeId>}).
 */
@ConfigurationProperties("maestro.sandbox")
public class SandboxProperties {

    private boolean enabled = true;
    private double speed = 2.0;
    private double rejectionRate = 0.05;
    private double delayRate = 0.1;
    private int callbackAttempts = 5;
    private double erpReceiptAfterDays = 1.0;
    private double transferReceiptAfterDays = 1.0;
    private long transferShortUnits;
    private final Mail mail = new Mail();
    private final Map<String, Fault> faults = new LinkedHashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public double getSpeed() {
        return speed;
    }

    public void setSpeed(double speed) {
        this.speed = speed;
    }

    public double getRejectionRate() {
        return rejectionRate;
    }

    public void setRejectionRate(double rejectionRate) {
        this.rejectionRate = rejectionRate;
    }

    public double getDelayRate() {
        return delayRate;
    }

    public void setDelayRate(double delayRate) {
        this.delayRate = delayRate;
    }

    public int getCallbackAttempts() {
        return callbackAttempts;
    }

    public void setCallbackAttempts(int callbackAttempts) {
        this.callbackAttempts = callbackAttempts;
    }

    /** Simulated days from a purchase order the sandbox ERP takes to its receipt at the node. */
    public double getErpReceiptAfterDays() {
        return erpReceiptAfterDays;
    }

    public void setErpReceiptAfterDays(double erpReceiptAfterDays) {
        this.erpReceiptAfterDays = erpReceiptAfterDays;
    }

    /** Simulated days from a transfer's release at its source to the destination's receipt. */
    public double getTransferReceiptAfterDays() {
        return transferReceiptAfterDays;
    }

    public void setTransferReceiptAfterDays(double transferReceiptAfterDays) {
        this.transferReceiptAfterDays = transferReceiptAfterDays;
    }

    /** Units fewer than released that the destination reports received (0: all of them; at least one is received). */
    public long getTransferShortUnits() {
        return transferShortUnits;
    }

    public void setTransferShortUnits(long transferShortUnits) {
        this.transferShortUnits = transferShortUnits;
    }

    public Mail getMail() {
        return mail;
    }

    public Map<String, Fault> getFaults() {
        return faults;
    }

    /** The in-process SMTP server whose mails {@code /sandbox/mailbox} lists; port 0 takes a free one. */
    public static class Mail {
        private boolean enabled = true;
        private int port;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }
    }

    /** A partner misbehaving on purpose: answers late, fails a share of calls, or is down altogether. */
    public record Fault(long latencyMs, double errorRate, boolean outage) {

        public static final Fault NONE = new Fault(0, 0, false);
    }
}
