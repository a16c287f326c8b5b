package io.chameleon.testsupport;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP receiver standing in for Rollbar or a webhook: records every request (path, headers, body) and
 * answers 200, 500, or never (it hangs until closed).
 */
public final class HttpReceiver implements AutoCloseable {

    public enum Answer { OK, SERVER_ERROR, HANG }

    /** One request received. */
    public record Request(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private HttpReceiver(Answer answer) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "http-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            if (answer == Answer.HANG) {
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            int status = answer == Answer.OK ? 200 : 500;
            byte[] reply = "{\"err\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    public static HttpReceiver start(Answer answer) {
        return new HttpReceiver(answer);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next request, waiting at most {@code timeout}; fails when none comes. */
    public Request next(Duration timeout) throws InterruptedException {
        Request request = requests.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (request == null) {
            throw new AssertionError("no request received within " + timeout);
        }
        return request;
    }

    /** The requests received so far and not taken yet. */
    public List<Request> drain() {
        List<Request> all = new ArrayList<>();
        requests.drainTo(all);
        return all;
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
