import type { User } from '../users/user.entity';
import type { Role } from '../users/role';

export interface NavItem {
  href: string;
  label: string;
  current: boolean;
}

interface NavEntry {
  href: string;
  label: string;
  roles: Role[] | 'any';
}

/** Each role's menu; features add their entries here. Labels are locale keys. */
const ENTRIES: NavEntry[] = [
  { href: '/', label: 'nav.home', roles: 'any' },
  { href: '/admin/users', label: 'nav.users', roles: ['admin'] },
  { href: '/admin/outbox', label: 'nav.outbox', roles: ['admin'] },
  { href: '/admin/audit', label: 'nav.audit', roles: ['admin'] },
  { href: '/profile', label: 'nav.profile', roles: 'any' },
];

export function navigationFor(user: User | undefined, path: string): NavItem[] {
  if (!user) return [];
  return ENTRIES.filter((entry) => entry.roles === 'any' || user.hasRole(...entry.roles)).map((entry) => ({
    href: entry.href,
    label: entry.label,
    current: entry.href === '/' ? path === '/' : path === entry.href || path.startsWith(`${entry.href}/`),
  }));
}
