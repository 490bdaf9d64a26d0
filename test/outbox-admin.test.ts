import { readdirSync, readFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { queuesRegisteredUnder } from '../src/common/queue-dashboard';
import { EMAIL_QUEUE } from '../src/notifications/notifications.constants';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { OutboxService } from '../src/notifications/outbox.service';
import type { User } from '../src/users/user.entity';
import { WorkerModule } from '../src/worker.module';
import { startWebApp, startWorker, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createAdmin, createTrainee } from './support/factories';
import { csrfFrom, logIn } from './support/http';

const sendNotice = (t: TestApp, trainee: User, title: string) =>
  t.app.get(OutboxService).send({
    to: { email: trainee.email, id: trainee.id, language: 'lv' },
    template: 'notice',
    category: 'reminder',
    data: { title, name: trainee.name, lines: ['Eksāmens notiks 14. decembrī plkst. 10.00.', '<script>alert(1)</script>'] },
    dedupKey: `test-admin:${trainee.id}:${title}`,
  });

describe('the web process', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('leaves the sending to the worker: it runs no processors', async () => {
    const trainee = await createTrainee(t.dataSource);
    const message = (await sendNotice(t, trainee, 'Atgādinājums par eksāmenu'))!;
    const row = () => t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: message.id });
    await new Promise((r) => setTimeout(r, 1000));
    expect((await row()).status).toBe('pending');
    expect((await t.app.get<Queue>(getQueueToken(EMAIL_QUEUE)).getJob(message.id))?.id).toBe(message.id);

    worker = await startWorker();
    await eventually(async () => (await row()).status === 'not_delivered', 15000, 'the email to be marked not delivered');
  });
});

describe('the outbox without SMTP', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin: ReturnType<TestApp['agent']>;

  beforeAll(async () => {
    delete process.env.SMTP_URL;
    t = await startWebApp();
    worker = await startWorker();
    admin = await logIn(t.agent(), (await createAdmin(t.dataSource)).email);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const row = (id: string) => t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });
  const notice = (trainee: User, title: string) => sendNotice(t, trainee, title);

  it('lists emails that were not delivered, by status and recipient', async () => {
    const trainee = await createTrainee(t.dataSource, { name: 'Pēteris Kalniņš' });
    const message = (await notice(trainee, 'Atgādinājums: pieredzes brauciens uz Valmieru'))!;
    await eventually(async () => (await row(message.id)).status === 'not_delivered');

    const page = await admin.get('/admin/outbox').query({ status: 'not_delivered', q: trainee.email });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Atgādinājums: pieredzes brauciens uz Valmieru');
    expect(page.text).toContain(trainee.email);
    expect(page.text).toContain('Nav nosūtīts');
    expect(page.text).toContain(`href="/admin/outbox/${message.id}"`);
    expect(page.text).toContain('<caption>');

    const sentOnly = await admin.get('/admin/outbox').query({ status: 'sent', q: trainee.email });
    expect(sentOnly.text).not.toContain(`href="/admin/outbox/${message.id}"`);
    expect(sentOnly.text).toContain('Nav neviena e-pasta, kas atbilst atlasei.');

    const second = (await notice(trainee, 'Atgādinājums: pieredzes brauciens uz Rēzekni'))!;
    await eventually(async () => (await row(second.id)).status === 'not_delivered');
    const first = await admin.get('/admin/outbox').query({ status: 'not_delivered', q: trainee.email, pageSize: 1 });
    expect(first.text).toContain(`href="/admin/outbox/${second.id}"`);
    const next = /<a href="([^"]+)" rel="next">/
      .exec(first.text)![1]
      .replace(/&amp;/g, '&')
      .replace(/&#x3D;/g, '=');
    expect(next).toContain('page=2');
    expect((await admin.get(next)).text).toContain(`href="/admin/outbox/${message.id}"`);

    expect((await admin.get('/admin/outbox').query({ status: 'lost' })).status).toBe(400);
  });

  it("names each kind of email in the reader's language, a receipt and an enrolment email by what they are", async () => {
    const trainee = await createTrainee(t.dataSource);
    const send = (template: string, subject: string) =>
      t.app.get(OutboxService).send({
        to: { email: trainee.email, id: trainee.id, language: 'lv' },
        template,
        category: 'update',
        data: { title: subject, name: trainee.name },
        dedupKey: `test-kinds:${trainee.id}:${template}`,
      });
    const receipt = (await send('coursework-receipt', 'Darbs saņemts'))!;
    const enrolled = (await send('enrolment-enrolled', 'Jūs esat uzņemts'))!;
    await eventually(async () => (await row(enrolled.id)).status === 'not_delivered' && (await row(receipt.id)).status === 'not_delivered');

    const list = (await admin.get('/admin/outbox').query({ q: trainee.email })).text;
    expect(list).toContain('<td data-label="Veidne">Darba iesniegšanas apliecinājums</td>');
    expect(list).toContain('<td data-label="Veidne">Uzņemšana grupā</td>');
    expect((await admin.get(`/admin/outbox/${receipt.id}`)).text).toContain(
      '<dd>Darba iesniegšanas apliecinājums (<code>coursework-receipt</code>)</dd>',
    );

    const english = await logIn(t.agent(), (await createAdmin(t.dataSource, { language: 'en' })).email);
    const englishList = (await english.get('/admin/outbox').query({ q: trainee.email })).text;
    expect(englishList).toContain('<td data-label="Template">Submission receipt</td>');
    expect(englishList).toContain('<td data-label="Template">Enrolment</td>');
  });

  it('has a label in both languages for every email template', () => {
    const templates = [...new Set(readdirSync('views/emails').map((file) => file.split('.')[0]))].filter((name) => name !== 'layout');
    for (const lang of ['lv', 'en']) {
      const labels = (JSON.parse(readFileSync(`locales/${lang}/outbox.json`, 'utf8')) as { template: Record<string, string> }).template;
      for (const template of templates) expect([lang, template, typeof labels[template]]).toEqual([lang, template, 'string']);
    }
  });

  it('shows an email with its headers and both parts, the HTML only inside a sandbox', async () => {
    const trainee = await createTrainee(t.dataSource);
    const message = (await notice(trainee, 'Atgādinājums: iesniedziet patstāvīgo darbu'))!;
    await eventually(async () => (await row(message.id)).status === 'not_delivered');

    const page = await admin.get(`/admin/outbox/${message.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(message.messageId.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(page.text).toContain('List-Unsubscribe-Post');
    expect(page.text).toContain('Eksāmens notiks 14. decembrī plkst. 10.00.');
    expect(page.text).toContain(`<iframe class="email-preview" sandbox src="/admin/outbox/${message.id}/html"`);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).not.toContain('<body style=');

    const html = await admin.get(`/admin/outbox/${message.id}/html`);
    expect(html.status).toBe(200);
    expect(html.headers['content-security-policy']).toMatch(/^sandbox;/);
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    expect((await admin.get('/admin/outbox/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/admin/outbox/not-an-id')).status).toBe(404);
  });

  it('resends an email that was not delivered, and records who did it', async () => {
    const trainee = await createTrainee(t.dataSource);
    const message = (await notice(trainee, 'Atgādinājums: nodarbība pārcelta'))!;
    await eventually(async () => (await row(message.id)).status === 'not_delivered');

    const page = await admin.get(`/admin/outbox/${message.id}`);
    const res = await admin
      .post(`/admin/outbox/${message.id}/resend`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/admin/outbox/${message.id}`);
    expect((await admin.get(res.headers.location)).text).toContain('E-pasts atkal ievietots sūtīšanas rindā.');
    await eventually(async () => (await row(message.id)).status === 'not_delivered');
    const audit = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: 'outbox.resent', entityId: message.id });
    expect(audit.before).toMatchObject({ status: 'not_delivered' });
  });

  it('offers the same through the JSON API', async () => {
    const trainee = await createTrainee(t.dataSource);
    const message = (await notice(trainee, 'Atgādinājums: noslēguma eksāmens'))!;
    await eventually(async () => (await row(message.id)).status === 'not_delivered');

    const list = await admin.get('/api/v1/outbox').query({ q: trainee.email });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      total: 1,
      page: 1,
      items: [{ id: message.id, status: 'not_delivered', messageId: message.messageId }],
    });

    const one = await admin.get(`/api/v1/outbox/${message.id}`);
    expect(one.status).toBe(200);
    expect(one.body.text).toContain('Eksāmens notiks 14. decembrī');
    expect(one.body.headers).toContainEqual({ name: 'Message-ID', value: message.messageId });

    const token = csrfFrom((await admin.get('/admin/outbox')).text);
    const resent = await admin.post(`/api/v1/outbox/${message.id}/resend`).set('X-CSRF-Token', token);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ id: message.id, status: 'pending', attempts: 0 });
    await eventually(async () => (await row(message.id)).status === 'not_delivered');

    await t.dataSource.getRepository(OutboxMessage).update({ id: message.id }, { status: 'pending' });
    const pending = await admin.post(`/api/v1/outbox/${message.id}/resend`).set('X-CSRF-Token', token);
    expect(pending.status).toBe(409);
    expect(pending.body.code).toBe('OUTBOX_NOT_RESENDABLE');
    expect((await admin.get('/api/v1/outbox').query({ pageSize: 1000 })).status).toBe(400);

    const docs = await t.http().get('/api/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/outbox', '/api/v1/outbox/{id}', '/api/v1/outbox/{id}/resend']),
    );
    expect(docs.body.paths['/api/v1/outbox'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'status',
      'q',
      'page',
      'pageSize',
    ]);
  });

  it('shows the queue dashboard to admins only, with a looser CSP there alone', async () => {
    const dashboard = await admin.get('/admin/queues');
    expect(dashboard.status).toBe(200);
    expect(dashboard.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    const queues = await admin.get('/admin/queues/api/queues');
    expect(queues.status).toBe(200);
    expect(JSON.stringify(queues.body)).toContain(EMAIL_QUEUE);
    const shown = (queues.body.queues as { name: string }[]).map((queue) => queue.name);
    // Every queue the worker runs, including the schedulers' queues that only the worker registers.
    expect(shown).toEqual(
      expect.arrayContaining(['coursework-reminders', 'email-delivery', 'outbox-sweep', 'session-reminders', 'storage-cleanup']),
    );
    expect(shown.sort()).toEqual(queuesRegisteredUnder(WorkerModule));
    expect((await admin.get('/admin/outbox')).headers['content-security-policy']).not.toContain('unsafe-inline');

    const anonymous = await t.http().get('/admin/queues');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Fadmin%2Fqueues');
    // A write from another site, riding on the admin's cookie.
    expect(
      (
        await admin
          .put('/admin/queues/api/queues/email-delivery/retry/failed')
          .set('Origin', 'https://evil.example')
          .set('Sec-Fetch-Site', 'cross-site')
      ).status,
    ).toBe(403);
  });

  it('refuses every outbox route and the dashboard to a non-admin', async () => {
    const trainee = await createTrainee(t.dataSource);
    const message = (await notice(trainee, 'Atgādinājums: materiāli'))!;
    const agent = await logIn(t.agent(), trainee.email);
    const token = csrfFrom((await agent.get('/')).text);
    const gets = [
      '/admin/outbox',
      `/admin/outbox/${message.id}`,
      `/admin/outbox/${message.id}/html`,
      '/api/v1/outbox',
      `/api/v1/outbox/${message.id}`,
      '/admin/queues',
      '/admin/queues/api/queues',
    ];
    for (const path of gets) expect([path, (await agent.get(path)).status]).toEqual([path, 403]);
    expect((await agent.post(`/admin/outbox/${message.id}/resend`).type('form').send({ _csrf: token })).status).toBe(403);
    expect((await agent.post(`/api/v1/outbox/${message.id}/resend`).set('X-CSRF-Token', token)).status).toBe(403);
    expect((await t.http().get('/api/v1/outbox')).status).toBe(401);
  });
});
