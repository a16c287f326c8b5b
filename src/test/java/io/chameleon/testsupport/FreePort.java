package io.chameleon.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Asks the kernel for a currently unused loopback port. Another process may take it before we bind, so callers retry. */
final class FreePort {

    private FreePort() {
    }

    static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ServerException("Could not find a free TCP port on 127.0.0.1", e);
        }
    }
}
