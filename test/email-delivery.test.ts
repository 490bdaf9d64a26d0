import { personActor } from '../src/common/actor';
import type { INestApplicationContext } from '@nestjs/common';
import type { ParsedMail } from 'mailparser';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { OutboxService } from '../src/notifications/outbox.service';
import { User } from '../src/users/user.entity';
import { UsersService } from '../src/users/users.service';
import { startWebApp, startWorker, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createAdmin, createTrainee } from './support/factories';
import { csrfFrom } from './support/http';
import { startSmtp, TestSmtp } from './support/smtp';

const mailTo = (smtp: TestSmtp, email: string) =>
  smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === email);
const firstMailTo = (smtp: TestSmtp, email: string) => eventually(() => mailTo(smtp, email)[0], 15000, `an email to ${email}`);
const headerLine = (mail: ParsedMail, name: string) => mail.headerLines.find((h) => h.key === name)?.line;

describe('email delivery through SMTP', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    t = await startWebApp();
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
    delete process.env.SMTP_URL;
  });

  const row = (id: string) => t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });
  const rowOf = (email: string) => t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ recipientEmail: email });

  it('delivers an invitation in Latvian with its outbox Message-ID, and its link works once', async () => {
    const admin = await createAdmin(t.dataSource);
    const email = `janis-${Date.now()}@kursors.test`;
    await t.app.get(UsersService).create({ email, name: 'Jānis Bērziņš', roles: ['trainee'], language: 'lv' }, personActor(admin));

    const mail = await firstMailTo(smtp, email);
    const message = await eventually(async () => {
      const m = await rowOf(email);
      return m.status === 'sent' && m;
    });
    expect(mail.subject).toBe('Ielūgums pievienoties Kursoram — iestatiet paroli');
    expect(mail.text).toContain('Labdien, Jānis Bērziņš!');
    expect(mail.text).toContain('Jums ir izveidots konts mācību platformā Kursors.');
    expect(mail.html).toContain('Iestatīt paroli');
    expect(mail.messageId).toBe(message.messageId);
    expect(message.sentAt).toBeInstanceOf(Date);
    expect(message.attempts).toBe(1);
    expect(headerLine(mail, 'list-unsubscribe')).toBeUndefined();

    const path = /http:\/\/kursors\.test(\/password\/\S+)/.exec(mail.text!)![1];
    const agent = t.agent();
    const form = await agent.get(path);
    expect(form.status).toBe(200);
    const set = await agent
      .post(path)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), password: 'Daugavpils pavasaris 2012', passwordConfirm: 'Daugavpils pavasaris 2012' });
    expect(set.status).toBe(303);
    expect(set.headers.location).toBe('/');
    const home = await agent.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('Jānis Bērziņš');

    const other = t.agent();
    expect((await other.get(path)).status).toBe(410);
    const login = await other.get('/login');
    const again = await other
      .post(path)
      .type('form')
      .send({ _csrf: csrfFrom(login.text), password: 'cits garš teikums 2026', passwordConfirm: 'cits garš teikums 2026' });
    expect(again.status).toBe(410);
  });

  it('ends every email with the whole publicity statement, as the pages show it', async () => {
    const whole =
      'Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu. Par informācijas saturu atbild Daugavpils pilsētas dome.';
    const [latvian, english] = [await createTrainee(t.dataSource), await createTrainee(t.dataSource, { language: 'en' })];
    for (const trainee of [latvian, english]) {
      await t.app.get(OutboxService).send({
        to: { email: trainee.email, id: trainee.id, language: trainee.language },
        template: 'notice',
        category: 'update',
        data: { title: 'Nodarbība pārcelta', name: trainee.name, lines: ['Nodarbība notiks Rēzeknē.'] },
        dedupKey: `test-funding:${trainee.id}`,
      });
    }
    for (const trainee of [latvian, english]) {
      const mail = await firstMailTo(smtp, trainee.email);
      expect(mail.text).toContain(`\n${whole}\n`);
      expect(mail.html).toContain(`>${whole}</p>`);
    }
    const page = await t.http().get('/login');
    expect(page.text).toContain(`<p class="funding">${whole}</p>`);
  });

  it('sends an email queued twice under one deduplication key once', async () => {
    const trainee = await createTrainee(t.dataSource);
    const outbox = t.app.get(OutboxService);
    const request = {
      to: { email: trainee.email, id: trainee.id, language: trainee.language },
      template: 'notice',
      category: 'update' as const,
      data: { title: 'Nodarbība pārcelta uz 12. oktobri', name: trainee.name, lines: ['Nodarbība notiks Rēzeknē.'] },
      dedupKey: `test-dedup:${trainee.id}`,
    };
    const first = await outbox.send(request);
    const second = await outbox.send(request);
    expect(first).toMatchObject({ id: expect.any(String) });
    expect(second).toBeNull();
    await eventually(async () => (await row(first!.id)).status === 'sent');
    await new Promise((r) => setTimeout(r, 500));
    expect(mailTo(smtp, trainee.email)).toHaveLength(1);
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ dedupKey: request.dedupKey })).toBe(1);
  });

  it('offers one-click unsubscribe on reminders, and suppresses them once the recipient uses it', async () => {
    const trainee = await createTrainee(t.dataSource, { name: 'Līga Ozoliņa' });
    const outbox = t.app.get(OutboxService);
    const reminder = (n: number) =>
      outbox.send({
        to: { email: trainee.email, id: trainee.id, language: 'lv' },
        template: 'notice',
        category: 'reminder',
        data: {
          title: 'Atgādinājums: nodarbība rīt plkst. 10.00',
          name: trainee.name,
          lines: ['Projektu vadība, 2. nodarbība, Daugavpilī.'],
        },
        dedupKey: `test-reminder:${trainee.id}:${n}`,
      });
    const first = (await reminder(1))!;
    const mail = await firstMailTo(smtp, trainee.email);
    expect(mail.subject).toBe('Atgādinājums: nodarbība rīt plkst. 10.00');
    expect(mail.text).toContain('Labdien, Līga Ozoliņa!');
    expect(mail.messageId).toBe(first.messageId);
    const unsubscribe = /<(http:\/\/kursors\.test\/unsubscribe\/[^>]+)>/.exec(headerLine(mail, 'list-unsubscribe') ?? '')?.[1];
    expect(unsubscribe).toMatch(/^http:\/\/kursors\.test\/unsubscribe\/\S+$/);
    expect(headerLine(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.text).toContain(unsubscribe);

    const path = new URL(unsubscribe!).pathname;
    const page = await t.http().get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Vai vēlaties vairs nesaņemt atgādinājumus');
    expect((await t.dataSource.getRepository(User).findOneByOrFail({ id: trainee.id })).notifyReminders).toBe(true);

    // What a mail client sends for RFC 8058: no cookie, no CSRF token.
    const click = await t.http().post(path).type('form').send('List-Unsubscribe=One-Click');
    expect(click.status).toBe(200);
    expect(click.text).toContain('Jūs vairs nesaņemsiet atgādinājumus pa e-pastu.');
    const user = await t.dataSource.getRepository(User).findOneByOrFail({ id: trainee.id });
    expect(user.notifyReminders).toBe(false);
    expect(user.notifyUpdates).toBe(true);

    const second = (await reminder(2))!;
    await eventually(async () => (await row(second.id)).status === 'suppressed', 15000, 'the reminder to be suppressed');
    expect(mailTo(smtp, trainee.email)).toHaveLength(1);
  });

  it('refuses an unsubscribe link that was tampered with', async () => {
    expect((await t.http().get('/unsubscribe/bm90LWEtdG9rZW4.bad')).status).toBe(404);
    expect((await t.http().post('/unsubscribe/bm90LWEtdG9rZW4.bad').type('form').send('List-Unsubscribe=One-Click')).status).toBe(404);
  });
});
