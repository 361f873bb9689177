package io.maestro.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.core.notify.Notification;
import io.maestro.core.notify.NotificationOutbox;
import io.maestro.core.notify.NotificationRequest;
import io.maestro.core.notify.NotificationStatus;
import io.maestro.integrations.sandbox.SandboxMailServer;
import io.maestro.routes.testing.NotificationReceiver;
import io.maestro.routes.testing.PartnersTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notification outbox delivered by e-mail through a real SMTP server (the sandbox GreenMail) and by a signed
 * webhook to a local HTTP server: each notification once, also with several deliverers at the same time.
 */
class NotificationDeliveryTest extends PartnersTest {

    @Autowired
    NotificationOutbox outbox;
    @Autowired
    NotificationDelivery delivery;
    @Autowired
    SandboxMailServer mail;

    private static NotificationRequest shipped(String orderId, String recipient) {
        return new NotificationRequest(orderId + ":SHIPPED", orderId, "SHIPPED", recipient, "Your order " + orderId + " is on its way",
                "Tracking number SW0000000001.", Map.of("trackingNumber", "SW0000000001"));
    }

    private long mailsWithSubject(String subject) {
        return mail.received().stream().filter(m -> subject.equals(m.subject())).count();
    }

    private long webhooksFor(String dedupKey) {
        return NotificationReceiver.INSTANCE.received().stream().filter(b -> b.contains("\"dedupKey\":\"" + dedupKey + "\"")).count();
    }

    @Test
    void eachNotificationIsMailedAndPostedOnceWhileThreeDeliverersPoll() throws Exception {
        List<String> orders = IntStream.rangeClosed(1, 8).mapToObj(i -> "ORD-MAIL-" + i).toList();
        orders.forEach(order -> outbox.enqueue(shipped(order, "c7@example.com")));

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> deliverers = IntStream.range(0, 2).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delivery.deliverDue();
        })).toList();
        start.countDown();
        deliverers.forEach(CompletableFuture::join);

        eventually("all sent", () -> orders.stream().allMatch(o -> outbox.ofOrder(o).get(0).status() == NotificationStatus.SENT));
        for (String order : orders) {
            assertThat(mailsWithSubject("Your order " + order + " is on its way")).as(order).isEqualTo(1);
            assertThat(webhooksFor(order + ":SHIPPED")).as(order).isEqualTo(1);
            assertThat(outbox.ofOrder(order).get(0).attempts()).isEqualTo(1);
        }
    }

    @Test
    void theSandboxMailboxListsTheMailsOverHttp() {
        outbox.enqueue(shipped("ORD-BOX-1", "casey@example.com"));

        eventually("mailed", () -> mailsWithSubject("Your order ORD-BOX-1 is on its way") == 1);
        assertThat(get("/sandbox/mailbox?to=casey@example.com").body())
                .contains("\"subject\":\"Your order ORD-BOX-1 is on its way\"")
                .contains("\"body\":\"Tracking number SW0000000001.\"")
                .contains("orders@maestro.local");
    }

    @Test
    void aNotificationThatCannotBeSentKeepsItsErrorIsRetriedThenFailedAndVisible() {
        outbox.enqueue(shipped("ORD-BAD-1", "not an address@@example..com"));

        eventually("failed", () -> outbox.ofOrder("ORD-BAD-1").get(0).status() == NotificationStatus.FAILED);
        Notification failed = outbox.withStatus(NotificationStatus.FAILED, 0, 10).stream()
                .filter(n -> n.orderId().equals("ORD-BAD-1")).findFirst().orElseThrow();
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).contains("Address");
        assertThat(failed.sentAt()).isNull();
    }
}
