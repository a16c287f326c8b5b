package io.chameleon.capture.binlog;

import io.chameleon.config.MySqlConnectionConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.tls.MySqlTls;

import com.github.shyiko.mysql.binlog.BinaryLogClient;

/** Builds the binlog client of a source, positioned at a transaction boundary. */
public final class BinlogClients {

    private BinlogClients() {
    }

    static BinaryLogClient create(SourceConfig source, BinlogPosition position) {
        MySqlConnectionConfig db = source.dbConn();
        BinaryLogClient client = new BinaryLogClient(db.host(), db.port(), db.user(),
                db.password() == null ? "" : db.password().reveal());
        client.setServerId(source.myServerId());
        client.setBinlogFilename(position.file());
        client.setBinlogPosition(position.position());
        if (source.gtidEnable() && position.gtidSet() != null) {
            // by GTID: the same transaction is found on any server of the replication topology
            client.setGtidSet(position.gtidSet());
        }
        // the same TLS as the JDBC connections. Without TLS the library (0.30.1) answers caching_sha2_password's
        // full authentication by fetching the server's RSA key, with no option to refuse; in practice the reader's
        // JDBC login just before (which honours allow_public_key_retrieval) leaves the server's cache filled, and
        // this login takes the fast path that needs no key
        MySqlTls.applyTo(client, db);
        client.setEventDeserializer(BinlogEventDeserializers.create());
        // reconnection is ours: the library's keep-alive would resume mid-transaction
        client.setKeepAlive(false);
        client.setHeartbeatInterval(Math.max(1, source.sleepLoopSeconds()) * 1000L);
        client.setConnectTimeout(db.connectTimeoutSeconds() * 1000L);
        return client;
    }
}
