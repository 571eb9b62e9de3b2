package dev.lethe.filter.mask;

import dev.lethe.filter.Span;

/** A span of the input and the string that took its place in the output. */
public record Replacement(Span span, String replacement) {}
