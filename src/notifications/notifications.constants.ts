export const EMAIL_QUEUE = 'email-delivery';
export const OUTBOX_SWEEP_QUEUE = 'outbox-sweep';

export interface EmailDeliveryJob {
  outboxId: string;
}
