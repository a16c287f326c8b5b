package io.chameleon.capture;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import io.chameleon.config.MySqlConnectionConfig;
import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.BinlogPosition;

/** Builds the binlog client of a source, positioned at a transaction boundary. */
final class BinlogClients {

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
        client.setEventDeserializer(BinlogEventDeserializers.create());
        // reconnection is ours: the library's keep-alive would resume mid-transaction
        client.setKeepAlive(false);
        client.setHeartbeatInterval(Math.max(1, source.sleepLoopSeconds()) * 1000L);
        client.setConnectTimeout(db.connectTimeoutSeconds() * 1000L);
        return client;
    }
}
