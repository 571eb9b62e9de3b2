package dev.lethe.insights.audit;

import java.util.Objects;

/**
 * One document of a snapshot as the audit reads it.
 *
 * @param id      the document id
 * @param subject the pseudonymous user it belongs to (lineage), or the id itself when it has none (web, partner)
 * @param text    the masked text
 */
public record AuditDocument(String id, String subject, String text) {
  public AuditDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    subject = subject == null ? id : subject;
  }
}
