package io.chameleon.config;

/** {@code log_dest}: daily-rotated files in {@code log_dir}, or standard output (which also means foreground). */
public enum LogDestination { FILE, STDOUT }
