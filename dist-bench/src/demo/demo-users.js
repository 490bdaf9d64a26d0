"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEMO_USERS = exports.DEMO_PASSWORD = void 0;
/** Invented people; the demo password of each is printed by the quick start. */
exports.DEMO_PASSWORD = 'Kursors-demo-2012';
exports.DEMO_USERS = [
    { email: 'admin@kursors.test', name: 'Ilze Administratore', roles: ['admin'], department: 'Attīstības departaments', language: 'lv' },
    { email: 'instructor@kursors.test', name: 'Jānis Pasniedzējs', roles: ['instructor'], department: 'Latgales plānošanas reģions', language: 'lv' },
    { email: 'trainee@kursors.test', name: 'Anna Bērziņa', roles: ['trainee'], department: 'Projektu nodaļa', language: 'lv' },
];
