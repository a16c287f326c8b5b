package io.chameleon.testsupport;

import java.util.List;

/** The {@code chameleon} account on private MariaDB servers: everything, including REPLICATION SLAVE/CLIENT and RELOAD. */
final class MariaDbAccount {

    static final String USER = "chameleon";

    private MariaDbAccount() {
    }

    /**
     * Statements creating the account with {@code password} (generated, alphanumeric, so safe to inline).
     * Kept out of the binlog so replication tests start from a clean log; anonymous accounts are removed because
     * they can shadow named accounts.
     */
    static List<String> setupStatements(String password) {
        return List.of(
                "SET sql_log_bin = 0",
                "DELETE FROM mysql.global_priv WHERE User = ''",
                "FLUSH PRIVILEGES",
                create("%", password),
                create("127.0.0.1", password),
                create("localhost", password),
                grant("%"),
                grant("127.0.0.1"),
                grant("localhost"),
                "SET sql_log_bin = 1");
    }

    private static String create(String host, String password) {
        return "CREATE USER IF NOT EXISTS '" + USER + "'@'" + host + "' IDENTIFIED BY '" + password + "'";
    }

    private static String grant(String host) {
        return "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'" + host + "' WITH GRANT OPTION";
    }
}
