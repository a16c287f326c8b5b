package io.chameleon.notify;

import java.net.URI;

/** Where alerts are posted: the request for one alert, and a name for logs that reveals no secret. */
interface NotificationSink {

    HttpPost request(Notification notification);

    /** Kind and host of the receiver, for log lines (a webhook's path and a token stay out of logs). */
    String describe();

    /** {@code scheme://host:port} of a URL: enough to tell receivers apart, nothing of a path that may hold a token. */
    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
