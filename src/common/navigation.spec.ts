import { I18nService } from '../i18n/i18n.service';
import { User } from '../users/user.entity';
import { navigationFor } from './navigation';

function userWith(roles: User['roles']): User {
  return Object.assign(new User(), { id: 'u', roles });
}

describe('navigation', () => {
  const i18n = new I18nService();

  it('has a label in both languages for every entry', () => {
    for (const item of navigationFor(userWith(['trainee', 'instructor', 'admin']), '/')) {
      expect(i18n.has('lv', item.label) && i18n.has('en', item.label) ? item.label : `missing ${item.label}`).toBe(item.label);
    }
  });

  it('shows administration only to admins', () => {
    const trainee = navigationFor(userWith(['trainee']), '/').map((i) => i.href);
    expect(trainee).not.toContain('/admin/users');
    expect(navigationFor(userWith(['admin']), '/').map((i) => i.href)).toContain('/admin/users');
  });

  it('marks only the most specific entry as the current page', () => {
    const items = navigationFor(userWith(['instructor']), '/my/sessions/today');
    expect(items.filter((i) => i.current).map((i) => i.href)).toEqual(['/my/sessions/today']);
  });

  it('shows nothing to anonymous visitors', () => {
    expect(navigationFor(undefined, '/')).toEqual([]);
  });
});
