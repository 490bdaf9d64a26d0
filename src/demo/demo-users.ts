import type { Role } from '../common/roles';
import type { Language } from '../i18n/languages';

export interface DemoUser {
  email: string;
  name: string;
  roles: Role[];
  department: string;
  language: Language;
}

/** Invented people; the demo password of each is printed by the quick start. */
export const DEMO_PASSWORD = 'Kursors-demo-2012';

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@kursors.test', name: 'Ilze Administratore', roles: ['admin'], department: 'Attīstības departaments', language: 'lv' },
  {
    email: 'instructor@kursors.test',
    name: 'Jānis Pasniedzējs',
    roles: ['instructor'],
    department: 'Latgales plānošanas reģions',
    language: 'lv',
  },
  { email: 'trainee@kursors.test', name: 'Anna Bērziņa', roles: ['trainee'], department: 'Projektu nodaļa', language: 'lv' },
];
