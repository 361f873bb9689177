package io.maestro.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The webhook signature: sha256=<hex HMAC-SHA256 of the raw body>. */
class WebhookSignatureTest {

    /** RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?". */
    @Test
    void isTheHexHmacSha256OfTheBody() {
        assertThat(WebhookSignature.sign("Jefe", "what do ya want for nothing?"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void verifiesOnlyTheSameBodyWithTheSameSecret() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.sign("s3cret", body);

        assertThat(WebhookSignature.verify("s3cret", body, header)).isTrue();
        assertThat(WebhookSignature.verify("s3cret", body, header.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
        assertThat(WebhookSignature.verify("other", body, header)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "{\"a\":2}".getBytes(StandardCharsets.UTF_8), header)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", body, null)).isFalse();
        assertThat(WebhookSignature.verify(null, body, header)).isFalse();
    }
}
