package io.chameleon.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Map;

/**
 * The generic webhook ({@code notification_webhook}): every alert as one JSON object, for chat bridges, incident
 * tools or a script. Fields: event, level, source, message, host, time (ISO-8601), details.
 */
final class WebhookSink implements NotificationSink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String host;

    WebhookSink(URI url, String host) {
        this.url = url;
        this.host = host;
    }

    @Override
    public HttpPost request(Notification notification) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event", notification.event());
        body.put("level", notification.level().label());
        body.put("source", notification.source());
        body.put("message", notification.message());
        body.put("host", host);
        body.put("time", notification.time().toString());
        ObjectNode details = body.putObject("details");
        notification.details().forEach((key, value) -> details.set(key, JSON.valueToTree(value)));
        return new HttpPost(url, Map.of("Content-Type", "application/json"), body.toString());
    }

    @Override
    public String describe() {
        return "webhook " + NotificationSink.origin(url);
    }
}
