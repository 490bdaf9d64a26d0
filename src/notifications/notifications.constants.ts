export const EMAIL_QUEUE = 'email-delivery';
export const OUTBOX_SWEEP_QUEUE = 'outbox-sweep';

/** A delivery job: the outbox rows it sends. A job of one row has the row's id as its job id. */
export interface EmailDeliveryJob {
  outboxIds: string[];
}

/** Outbox rows in one delivery job at most: fewer jobs for a large mailing, each still short. */
export const DELIVERY_JOB_ROWS = 50;

/** Emails a worker hands to the SMTP server at once, and the pooled transport's connections. */
export const SEND_SLOTS = 5;
