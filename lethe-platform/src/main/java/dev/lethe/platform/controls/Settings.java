package dev.lethe.platform.controls;

/**
 * A user's data controls.
 *
 * @param improveModel "Improve the model for everyone": conversations started while it is on, and
 *     memories saved while it is on, may be used for training
 * @param memoriesEnabled whether memories are saved and read at all
 */
public record Settings(boolean improveModel, boolean memoriesEnabled) {}
