package io.chameleon.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chameleon.config.Secret;

import java.net.URI;
import java.util.Map;

/**
 * Rollbar's item API, as pg_chameleon's rollbar library uses it: one item per alert, with the environment
 * ({@code rollbar_env}) and the level; the access token ({@code rollbar_key}) goes in the
 * {@code X-Rollbar-Access-Token} header, never in the body.
 */
final class RollbarSink implements NotificationSink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final Secret token;
    private final String environment;
    private final String host;

    RollbarSink(URI endpoint, Secret token, String environment, String host) {
        this.endpoint = endpoint;
        this.token = token;
        this.environment = environment;
        this.host = host;
    }

    @Override
    public HttpPost request(Notification notification) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode data = root.putObject("data");
        data.put("environment", environment);
        data.put("level", notification.level().label());
        data.put("timestamp", notification.time().getEpochSecond());
        data.put("platform", "linux");
        data.put("language", "java");
        data.put("framework", "chameleon");
        data.put("title", notification.message());
        data.putObject("server").put("host", host);
        ObjectNode message = data.putObject("body").putObject("message");
        message.put("body", notification.message());
        message.put("event", notification.event());
        message.put("source", notification.source());
        ObjectNode custom = data.putObject("custom");
        custom.put("event", notification.event());
        custom.put("source", notification.source());
        notification.details().forEach((key, value) -> custom.set(key, JSON.valueToTree(value)));
        data.putObject("notifier").put("name", "chameleon");
        return new HttpPost(endpoint,
                Map.of("Content-Type", "application/json", "X-Rollbar-Access-Token", token.reveal()), root.toString());
    }

    @Override
    public String describe() {
        return "rollbar " + NotificationSink.origin(endpoint);
    }
}
