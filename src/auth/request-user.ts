import type { Language } from '../i18n/languages';
import type { User } from '../users/user.entity';
import type { UserStatus } from '../users/user-summary';

// What the session and the authentication middleware put on each request.
declare module 'express-session' {
  interface SessionData {
    userId?: string;
    /** When the person logged in, for the absolute timeout. */
    loginAt?: number;
    csrfToken?: string;
    lang?: Language;
    flash?: { kind: 'success' | 'error' | 'info'; key: string; params?: Record<string, string | number> }[];
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: User;
      /** The signed-in user's status, read with them. */
      userStatus?: UserStatus;
      authMethod?: 'session' | 'token';
      lang: Language;
    }
  }
}

export {};
