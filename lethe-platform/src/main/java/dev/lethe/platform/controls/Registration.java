package dev.lethe.platform.controls;

/**
 * A new account and its first bearer token (shown once; only its hash is stored). A registration
 * never inherits anything from a deleted account with the same email.
 */
public record Registration(User user, String token) {}
