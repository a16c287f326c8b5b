package io.chameleon.config;

/**
 * {@code copy_mode}: in pg_chameleon, copy slices through CSV files in {@code out_dir} or straight from memory.
 * Accepted for compatibility; chameleon's copy always streams (no temporary files, memory bounded either way).
 */
public enum CopyMode { FILE, DIRECT }
