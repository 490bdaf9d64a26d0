import { ApiToken } from '../auth/api-token.entity';
import { PasswordToken } from '../users/password-token.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { User } from '../users/user.entity';

/** Every entity of the application; the data source and the migration check both read this list. */
export const entities = [User, PasswordToken, ApiToken, AuditEvent, OutboxMessage];
