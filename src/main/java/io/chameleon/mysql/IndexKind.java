package io.chameleon.mysql;

/** How MySQL uses an index: only PRIMARY, UNIQUE and PLAIN B-tree indexes have a PostgreSQL counterpart. */
public enum IndexKind {
    PRIMARY,
    UNIQUE,
    PLAIN,
    FULLTEXT,
    SPATIAL
}
