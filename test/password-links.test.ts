import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { startWebApp, TestApp } from './support/app';
import { createTrainee } from './support/factories';
import { csrfFrom, csrfToken } from './support/http';

describe('forgotten password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(() => t.close());

  async function requestReset(email: string) {
    const agent = t.agent();
    const token = await csrfToken(agent, '/password-reset');
    return agent.post('/password-reset').type('form').send({ _csrf: token, email });
  }

  async function resetLink(userId: string): Promise<string> {
    const message = await t.dataSource
      .getRepository(OutboxMessage)
      .findOneOrFail({ where: { recipientId: userId, template: 'password-reset' }, order: { createdAt: 'DESC' } });
    const link = /https?:\/\/\S+\/password\/[A-Za-z0-9_-]+/.exec(message.text)?.[0];
    if (!link) throw new Error('no link in the email');
    return new URL(link).pathname;
  }

  it("mails a single-use link in the user's language that sets a new password", async () => {
    const user = await createTrainee(t.dataSource, { language: 'en' });
    const sent = await requestReset(user.email.toUpperCase());
    expect(sent.status).toBe(200);
    const message = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ recipientId: user.id, template: 'password-reset' });
    expect(message.subject).toBe('Resetting your Kursors password');
    const path = await resetLink(user.id);

    const agent = t.agent();
    const form = await agent.get(path);
    expect(form.status).toBe(200);
    const done = await agent
      .post(path)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), password: 'Latgales vasara 2012', passwordConfirm: 'Latgales vasara 2012' });
    expect(done.status).toBe(303);
    const home = await agent.get('/');
    expect(home.text).toContain(user.name);
    expect(home.text).toContain('Password saved. You are logged in.');
    expect((await agent.get('/')).text).not.toContain('Password saved.');

    const again = await t.agent().get(path);
    expect(again.status).toBe(410);
    expect(again.text).toContain('Šī saite vairs nav derīga');
  });

  it('answers the same for an unknown email and sends nothing', async () => {
    const before = await t.dataSource.getRepository(OutboxMessage).count();
    const res = await requestReset('nobody-here@kursors.test');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Ja šim e-pastam ir konts');
    expect(await t.dataSource.getRepository(OutboxMessage).count()).toBe(before);
  });

  it('refuses a common password and mismatched repetition, naming the field, and keeps the link usable', async () => {
    const user = await createTrainee(t.dataSource);
    await requestReset(user.email);
    const path = await resetLink(user.id);
    const agent = t.agent();
    const form = await agent.get(path);
    const common = await agent
      .post(path)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), password: 'password123', passwordConfirm: 'password123' });
    expect(common.status).toBe(422);
    expect(common.text).toContain('Šī parole ir pārāk izplatīta');
    expect(common.text).toContain('aria-invalid="true"');
    const mismatch = await agent
      .post(path)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), password: 'Latgales vasara 2012', passwordConfirm: 'Latgales ziema 2012' });
    expect(mismatch.status).toBe(422);
    expect(mismatch.text).toContain('Paroles nesakrīt.');
    expect((await agent.get(path)).status).toBe(200);
  });

  it('refuses an expired link', async () => {
    const user = await createTrainee(t.dataSource);
    await requestReset(user.email);
    const path = await resetLink(user.id);
    await t.dataSource.query(`UPDATE password_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [user.id]);
    expect((await t.agent().get(path)).status).toBe(410);
  });
});
