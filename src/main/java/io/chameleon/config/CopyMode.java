package io.chameleon.config;

/** {@code copy_mode}: copy slices through CSV files in {@code out_dir}, or stream them straight into COPY. */
public enum CopyMode { FILE, DIRECT }
