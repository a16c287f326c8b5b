package io.chameleon.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The generic webhook ({@code notification_webhook}): every alert as one JSON object, for chat bridges, incident
 * tools or a script. Fields: event, level, source, message, host, time (ISO-8601), details.
 */
final class WebhookSink implements NotificationSink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String host;
    private final Duration timeout;

    WebhookSink(URI url, String host, Duration timeout) {
        this.url = url;
        this.host = host;
        this.timeout = timeout;
    }

    @Override
    public HttpRequest request(Notification notification) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event", notification.event());
        body.put("level", notification.level().label());
        body.put("source", notification.source());
        body.put("message", notification.message());
        body.put("host", host);
        body.put("time", notification.time().toString());
        ObjectNode details = body.putObject("details");
        notification.details().forEach((key, value) -> details.set(key, JSON.valueToTree(value)));
        return HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    @Override
    public String describe() {
        return "webhook " + NotificationSink.origin(url);
    }
}
