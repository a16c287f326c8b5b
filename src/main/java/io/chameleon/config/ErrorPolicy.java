package io.chameleon.config;

/** {@code on_error_replay} / {@code on_error_read}: keep going (and log), or stop the process. */
public enum ErrorPolicy { CONTINUE, EXIT }
