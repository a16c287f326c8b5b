package io.chameleon.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Host and database text as JDBC URLs need them. */
final class JdbcHost {

    private JdbcHost() {
    }

    /** IPv6 literals need brackets inside a URL. */
    static String of(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    static String encodePath(String segment) {
        return URLEncoder.encode(segment == null ? "" : segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
