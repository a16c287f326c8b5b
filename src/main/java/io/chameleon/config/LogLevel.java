package io.chameleon.config;

/** {@code log_level}. */
public enum LogLevel { DEBUG, INFO, WARNING, ERROR }
