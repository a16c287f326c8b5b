package io.chameleon.catalogue;

import java.util.List;

/**
 * The ordered list of catalogue migrations. Listed here rather than scanned from the class path so the native
 * image needs no resource discovery; a new migration is one more line and one more SQL file.
 */
public final class CatalogueMigrations {

    public static final List<CatalogueMigration> ALL = List.of(
            new CatalogueMigration(1, "sources, schema mappings and replicated tables", "catalogue/V1__sources.sql"),
            new CatalogueMigration(2, "change log, read position and replay progress", "catalogue/V2__change_log.sql"),
            new CatalogueMigration(3, "schema history, replay errors and discarded rows",
                    "catalogue/V3__history_and_errors.sql"),
            new CatalogueMigration(4, "status detail of sources", "catalogue/V4__source_status_detail.sql"),
            new CatalogueMigration(5, "change log partitioned by batch", "catalogue/V5__partitioned_change_log.sql"),
            new CatalogueMigration(6, "replica process liveness, transactions logged in parts",
                    "catalogue/V6__replica_process.sql"),
            new CatalogueMigration(7, "schema history tied to the change log", "catalogue/V7__schema_versions.sql"),
            new CatalogueMigration(8, "row images as arrays of column texts", "catalogue/V8__array_images.sql"),
            new CatalogueMigration(9, "row changes per table of each batch", "catalogue/V9__batch_table_counts.sql"),
            new CatalogueMigration(10, "time of the last maintenance", "catalogue/V10__maintenance.sql"),
            new CatalogueMigration(11, "standby processes and the fencing epoch", "catalogue/V11__standby_takeover.sql"),
            new CatalogueMigration(12, "the last copy of each source and its progress",
                    "catalogue/V12__copy_run.sql"),
            new CatalogueMigration(13, "row layouts and image bytes of each batch",
                    "catalogue/V13__batch_layouts.sql"));

    private CatalogueMigrations() {
    }

    /** The catalogue version this build of chameleon works with. */
    public static int latestVersion() {
        return ALL.get(ALL.size() - 1).version();
    }
}
