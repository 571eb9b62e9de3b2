package dev.lethe.platform.controls;

/**
 * Sends a message to a user's registered email address: the identity check of privacy requests
 * relies on it (a code reaches only whoever controls the address).
 */
@FunctionalInterface
public interface Notifier {
  void send(String email, String subject, String body);
}
