import type { User } from '../users/user.entity';
import type { PasswordTokenPurpose } from '../users/password-token.entity';

/** The sign-in form; `next` is where it leads once signed in. */
export function loginPage(next?: string) {
  return { titleKey: 'auth.login.title', ...(next === undefined ? {} : { values: { next } }) };
}

/** The form behind an invitation or a password-reset link: whose password it sets, the email for password managers. */
export function passwordPage({ user, purpose }: { user: User; purpose: PasswordTokenPurpose }) {
  return { titleKey: `auth.password.${purpose}Title`, name: user.name, email: user.email };
}

/** The request for a password-reset link, and the page saying it was sent (whether or not the address is known). */
export function resetPage() {
  return { titleKey: 'auth.reset.title' };
}
