export const EMAIL_QUEUE = 'email-delivery';

export interface EmailDeliveryJob {
  outboxId: string;
}
