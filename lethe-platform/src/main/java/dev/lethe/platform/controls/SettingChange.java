package dev.lethe.platform.controls;

import java.time.Instant;

/** One entry of a user's settings history; registration records the initial values. */
public record SettingChange(Setting setting, boolean enabled, Instant changedAt, long seq) {}
