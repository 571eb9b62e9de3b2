package dev.lethe.platform.controls;

/** The names of audit-log actions. Those the training change feed reads are stable API. */
public final class AuditActions {
  private AuditActions() {}

  public static final String ACCOUNT_CREATED = "account.created";
  public static final String TOKEN_ISSUED = "token.issued";
  public static final String TOKEN_REVOKED = "token.revoked";
  public static final String CONFIRMATION_SENT = "confirmation.sent";
  public static final String CONFIRMATION_FAILED = "confirmation.failed";
  /** Change feed: everything of the user leaves training. */
  public static final String ACCOUNT_DELETED = "account.deleted";
  public static final String ACCOUNT_PURGED = "account.purged";
  /** Change feed: detail is {@code on} or {@code off}. */
  public static final String SETTING_IMPROVE_MODEL = "setting.improve_model";
  public static final String SETTING_MEMORIES = "setting.memories_enabled";
  public static final String CONVERSATION_STARTED = "conversation.started";
  public static final String MESSAGE_ADDED = "message.added";
  public static final String CONVERSATION_ARCHIVED = "conversation.archived";
  public static final String CONVERSATION_UNARCHIVED = "conversation.unarchived";
  public static final String CONVERSATION_RENAMED = "conversation.renamed";
  /** An operator read something (a request, a user, the audit log); detail is the route, subject what was read. */
  public static final String ADMIN_READ = "admin.read";
  public static final String REQUEST_CODE_RESENT = "request.code_resent";
  public static final String REQUEST_APPROVED = "request.approved";
  /** Change feed: the conversation leaves training. */
  public static final String CONVERSATION_DELETED = "conversation.deleted";
  public static final String CONVERSATION_PURGED = "conversation.purged";
  public static final String MEMORY_SAVED = "memory.saved";
  /** Change feed: the memory's text or eligibility changed. */
  public static final String MEMORY_UPDATED = "memory.updated";
  /** Change feed: the memory leaves training. */
  public static final String MEMORY_DELETED = "memory.deleted";
  public static final String EXPORT_REQUESTED = "export.requested";
  public static final String EXPORT_READY = "export.ready";
  public static final String EXPORT_FAILED = "export.failed";
  public static final String EXPORT_DOWNLOADED = "export.downloaded";
  public static final String EXPORT_EXPIRED = "export.expired";
  public static final String REQUEST_CREATED = "request.created";
  public static final String REQUEST_CODE_SENT = "request.code_sent";
  public static final String REQUEST_VERIFICATION_FAILED = "request.verification_failed";
  public static final String REQUEST_VERIFIED = "request.verified";
  /** Change feed for do_not_train and delete requests: detail starts with {@code kind=}. */
  public static final String REQUEST_COMPLETED = "request.completed";
  public static final String REQUEST_REJECTED = "request.rejected";
  public static final String REQUEST_CANCELLED = "request.cancelled";
  /** Change feed: subject is the suppression entry id. */
  public static final String SUPPRESSION_ADDED = "suppression.added";
  public static final String RETENTION_RUN = "retention.run";
}
