package io.chameleon.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** How this process names itself to operators: in the catalogue's process rows, show_status and the metrics. */
public final class ThisProcess {

    private ThisProcess() {
    }

    public static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    public static long pid() {
        return ProcessHandle.current().pid();
    }
}
