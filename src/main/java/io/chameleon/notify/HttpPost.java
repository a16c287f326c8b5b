package io.chameleon.notify;

import java.net.URI;
import java.util.Map;

/** One alert as the HTTP POST a receiver takes: where, which headers, and the JSON body. */
record HttpPost(URI url, Map<String, String> headers, String body) {

    HttpPost {
        headers = Map.copyOf(headers);
    }
}
