import type { Role } from './roles';

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
  { href: '/admin/programmes', label: 'programmes.nav.programmes', roles: ['admin'] },
  { href: '/admin/cohorts', label: 'cohorts.nav.cohorts', roles: ['admin'] },
  { href: '/my/programme', label: 'cohorts.nav.myProgramme', roles: ['trainee'] },
  { href: '/my/cohorts', label: 'cohorts.nav.myCohorts', roles: ['instructor'] },
  { href: '/grading', label: 'grading.nav.queue', roles: ['instructor', 'admin'] },
  { href: '/my/sessions', label: 'sessions.nav.mine', roles: ['trainee', 'instructor'] },
  { href: '/my/sessions/today', label: 'sessions.nav.today', roles: ['instructor'] },
  { href: '/my/attendance', label: 'attendance.nav.mine', roles: ['trainee'] },
  { href: '/my/assignments', label: 'assignments.nav.mine', roles: ['trainee'] },
  { href: '/my/record', label: 'reports.nav.myRecord', roles: ['trainee'] },
  { href: '/reports/exports', label: 'reports.nav.exports', roles: ['instructor'] },
  { href: '/my/progress', label: 'completion.nav.mine', roles: ['trainee'] },
  { href: '/my/certificates', label: 'certificates.nav.mine', roles: ['trainee'] },
  { href: '/my/calendar', label: 'calendar.nav.link', roles: ['trainee', 'instructor'] },
  { href: '/admin/users', label: 'nav.users', roles: ['admin'] },
  { href: '/admin/outbox', label: 'nav.outbox', roles: ['admin'] },
  { href: '/admin/audit', label: 'nav.audit', roles: ['admin'] },
  { href: '/profile', label: 'nav.profile', roles: 'any' },
];

/** Anyone whose roles decide the menu: a signed-in user. */
export interface HasRoles {
  hasRole(...roles: Role[]): boolean;
}

export function navigationFor(user: HasRoles | undefined, path: string): NavItem[] {
  if (!user) return [];
  const entries = ENTRIES.filter((entry) => entry.roles === 'any' || user.hasRole(...entry.roles));
  const matches = (href: string) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`));
  // Only the most specific entry is current: /my/sessions/today is not also /my/sessions.
  const current = entries.filter((entry) => matches(entry.href)).sort((a, b) => b.href.length - a.href.length)[0];
  return entries.map((entry) => ({ href: entry.href, label: entry.label, current: entry === current }));
}
