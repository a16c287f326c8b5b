package io.chameleon.ddl;

import java.util.Locale;

/** Why a statement is passed over by DDL replication. */
public enum SkipReason {
    SAVEPOINT, TRANSACTION, GRANT, ACCOUNT, VIEW, ROUTINE, TRIGGER, EVENT, PARTITION_MAINTENANCE,
    TABLE_MAINTENANCE, FLUSH, SET, DATABASE, TEMPORARY_TABLE, LOCK, SERVER_ADMIN, SEQUENCE, TABLESPACE, DML,
    /** Amazon RDS/Aurora writes its heartbeat and bookkeeping into {@code mysql.rds_*} through the binlog. */
    RDS_HOUSEKEEPING,
    /** Only comments or white space, e.g. MariaDB's "# Dummy event replacing event type …". */
    EMPTY,
    OTHER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
