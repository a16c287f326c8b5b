package io.chameleon.cli;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** The socket inspection used by CliProcessIT sees a port this process listens on, and stops seeing it. */
class ListeningSocketsTest {

    @Test
    void seesAPortThisProcessListensOn() throws Exception {
        long self = ProcessHandle.current().pid();
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            assertThat(ListeningSockets.portsOf(self)).contains(port);
        }
        assertThat(ListeningSockets.portsOf(self)).doesNotContain(port);
    }
}
