package io.maestro.devices.mqtt;

import io.maestro.devices.gateway.DeviceMessage;
import io.maestro.devices.gateway.DeviceMessageIntake;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes device messages from the route into the ledger in batches: whatever has arrived while the previous
 * batch was being written (at most {@value #MAX_BATCH}) goes in one transaction. Each exchange completes, and
 * so its MQTT message is acknowledged, only after its batch committed; a quiet stream gets batches of one, so
 * batching costs no latency. The writer thread runs while the route that feeds it runs.
 */
@Component
public class DeviceMessageBatcher extends AsyncProcessorSupport {

    static final int MAX_BATCH = 250;
    private static final Logger log = LoggerFactory.getLogger(DeviceMessageBatcher.class);

    /** Batches written and the messages in them since start, for the benchmark's average batch size. */
    public record Batches(long batches, long messages) {
        public double averageSize() {
            return batches == 0 ? 0 : (double) messages / batches;
        }
    }

    private record Pending(Exchange exchange, DeviceMessage message, AsyncCallback callback) {
    }

    private final DeviceMessageIntake intake;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicLong batchesWritten = new AtomicLong();
    private final AtomicLong messagesWritten = new AtomicLong();
    private volatile Thread writer;

    public DeviceMessageBatcher(DeviceMessageIntake intake) {
        this.intake = intake;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        String topic = exchange.getMessage().getHeader(PahoMqtt5Constants.MQTT_TOPIC, String.class);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        queue.add(new Pending(exchange, new DeviceMessage(topic, body == null ? "" : new String(body, StandardCharsets.UTF_8)),
                callback));
        return false;
    }

    public Batches written() {
        return new Batches(batchesWritten.get(), messagesWritten.get());
    }

    private void writeBatches() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            write(batch);
            batch.clear();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> fail(p, new IllegalStateException("Maestro is stopping; the broker delivers this message again")));
    }

    private void write(List<Pending> batch) {
        try {
            intake.receiveAll(batch.stream().map(Pending::message).toList());
            batchesWritten.incrementAndGet();
            messagesWritten.addAndGet(batch.size());
            batch.forEach(p -> p.callback().done(false));
        } catch (RuntimeException e) {
            log.error("{} device message(s) not taken, left unacknowledged for the broker to deliver again: {}", batch.size(),
                    e.toString());
            batch.forEach(p -> fail(p, e));
        }
    }

    private static void fail(Pending pending, Exception e) {
        pending.exchange().setException(e);
        pending.callback().done(false);
    }

    @Override
    protected void doStart() {
        writer = new Thread(this::writeBatches, "device-message-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    protected void doStop() throws InterruptedException {
        Thread running = writer;
        writer = null;
        if (running != null) {
            running.interrupt();
            running.join(10_000);
        }
    }
}
