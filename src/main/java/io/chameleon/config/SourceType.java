package io.chameleon.config;

/** What a source replicates from; pgsql sources are copy-only and experimental in pg_chameleon. */
public enum SourceType { MYSQL, PGSQL }
