package io.chameleon.testsupport;

/** Where a server listens and the account the tests (and the code under test) log in with. */
record Endpoint(String host, int port, String user, String password) {

    @Override
    public String toString() {
        return user + "@" + host + ":" + port; // never the password
    }
}
