import { AuditEvent } from '../src/audit/audit-event.entity';
import { Certificate } from '../src/certificates/certificate.entity';
import { CertificatesService } from '../src/certificates/certificates.service';
import { groupCode } from '../src/certificates/verification-code';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import type { User } from '../src/users/user.entity';
import type { TestApp } from './support/app';
import { clearVerificationChecks, issuedCertificate, startCertificateApp } from './support/certificate-factories';
import { type ApiCall, bytes, csrfFrom, logIn, postForm, unescapeHtml } from './support/http';
import { multipartBody, useTemporaryUploadDir } from './support/uploads';

useTemporaryUploadDir();
const LIMIT = 40;
process.env.VERIFY_MAX_PER_ADDRESS = String(LIMIT);

describe('verifying, revoking and reissuing certificates', () => {
  let t: TestApp;
  let service: CertificatesService;
  let admin: User;
  let adminAgent: ReturnType<TestApp['agent']>;
  let adminApi: ApiCall;

  beforeAll(async () => ({ t, service, admin, adminAgent, adminApi } = await startCertificateApp()));
  afterAll(() => t.close());

  /** Each test starts with the address's checks unused. */
  beforeEach(() => clearVerificationChecks(t));

  async function issued(names = ['Ģirts Žūriņš-Ķēniņš']) {
    const { world, certificate } = await issuedCertificate({ t, service, admin }, { names });
    return { world, certificate, path: `/verify/${groupCode(certificate.verificationCode)}` };
  }

  it('shows a valid certificate to anyone with its code: what it states and nothing more', async () => {
    const { world, certificate, path } = await issued();
    const page = await t.http().get(path);
    expect(page.status).toBe(200);
    for (const text of [
      'Apliecība ir derīga.',
      'Ģirts Žūriņš-Ķēniņš',
      'Daugavpils pašvaldības darbinieku kursu cikls',
      'Projektu vadības specifika dažāda veida projektos',
      '<dd>40</dd>',
      '2012. gada 20. jūnijā',
      'Daugavpils pilsētas dome',
      certificate.serial,
    ])
      expect(page.text).toContain(text);
    expect(page.text).not.toContain(world.trainees[0].email);
    // No session is written for a visitor reading a result: the language switch is a link.
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(unescapeHtml(page.text)).toContain(`href="${path}?lang=en"`);
    const english = await t.http().get(`${path}?lang=en`);
    expect(english.status).toBe(303);
    expect(String(english.headers['set-cookie'])).toContain('kursors.lang=en');
    const inEnglish = await t.http().get(path).set('Cookie', 'kursors.lang=en');
    expect(inEnglish.text).toContain('The certificate is valid.');
    expect(inEnglish.text).toContain('20 June 2012');

    const api = await t.http().get(`/api/v1/verify/${certificate.verificationCode.toLowerCase()}`);
    expect(api.status).toBe(200);
    expect(api.body).toEqual({
      serial: certificate.serial,
      holderName: 'Ģirts Žūriņš-Ķēniņš',
      programmeTitle: 'Daugavpils pašvaldības darbinieku kursu cikls',
      partTitle: 'Projektu vadības specifika dažāda veida projektos',
      academicHours: 40,
      issuedAt: '2012-06-20T09:00:00.000Z',
      issuer: 'Daugavpils pilsētas dome',
      language: 'lv',
      status: 'valid',
      revokedAt: null,
      revocationReason: null,
      replaces: null,
      replacedBy: null,
    });
  });

  it('takes a typed code in any case and grouping, and says clearly when a code is wrong or unknown', async () => {
    const { certificate, path } = await issued();
    const typed = await t.http().get(`/verify?code=${encodeURIComponent(` ${certificate.verificationCode.toLowerCase()} `)}`);
    expect(typed.status).toBe(303);
    expect(typed.headers.location).toBe(path);
    const malformed = await t.http().get('/verify?code=12345');
    expect(malformed.status).toBe(422);
    expect(malformed.text).toContain('Kodam jābūt 16 burtiem un cipariem');

    const unknown = await t.http().get('/verify/7KQ2-M9XD-4TPV-HC3R');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Apliecība ar šādu kodu nav atrasta.');
    expect((await t.http().get('/verify/not-a-code')).text).toContain('Kods nav derīgs');
    expect((await t.http().get('/api/v1/verify/7KQ2M9XD4TPVHC3R')).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect((await t.http().get('/api/v1/verify/xyz')).body).toMatchObject({ statusCode: 400, errors: [{ field: 'code' }] });
  });

  it('revokes through the page with a reason and a confirmation: audited, the holder emailed, the page says so at once', async () => {
    const { world, certificate, path } = await issued();
    const form = await adminAgent.get(`/certificates/${certificate.id}/revoke`);
    expect(form.status).toBe(200);
    const missing = await postForm(adminAgent, `/certificates/${certificate.id}/revoke`, { reason: 'misconduct', note: '' });
    expect(missing.status).toBe(422);
    expect(missing.text).toMatch(/id="error-note"/);

    const asked = await postForm(adminAgent, `/certificates/${certificate.id}/revoke`, {
      reason: 'misconduct',
      note: 'Noslēguma darbs nav paša veikts.',
    });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain(`Atsaukt apliecību ${certificate.serial}?`);
    expect((await t.dataSource.getRepository(Certificate).findOneByOrFail({ id: certificate.id })).status).toBe('valid');
    const done = await adminAgent
      .post(`/certificates/${certificate.id}/revoke`)
      .type('form')
      .send({ _csrf: csrfFrom(asked.text), confirm: 'yes', reason: 'misconduct', note: 'Noslēguma darbs nav paša veikts.' });
    expect(done.status).toBe(303);

    const page = await t.http().get(path);
    expect(page.text).toContain('Apliecība ir atsaukta 2012. gada 20. jūnijā. Iemesls: Negodīga rīcība.');
    expect(page.text).not.toContain('Noslēguma darbs nav paša veikts');
    expect((await t.http().get(`/api/v1/verify/${certificate.verificationCode}`)).body).toMatchObject({
      status: 'revoked',
      revokedAt: '2012-06-20T09:00:00.000Z',
      revocationReason: 'misconduct',
    });
    const email = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ dedupKey: `certificate-revoked:${certificate.id}` });
    expect(email.recipientId).toBe(world.trainees[0].id);
    expect(email.text).toContain('Noslēguma darbs nav paša veikts.');
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ entityId: certificate.id, action: 'certificate.revoked' })).toBe(1);
    const again = await adminApi('post', `/api/v1/certificates/${certificate.id}/revoke`).send({ reason: 'other', note: 'Vēlreiz' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CERTIFICATE_NOT_VALID');
  });

  it('reissues with a corrected name: a new serial, the old one replaced by it, both pages showing the history', async () => {
    const { world, certificate, path } = await issued(['Girts Zurins']);
    const res = await adminApi('post', `/api/v1/certificates/${certificate.id}/reissue`).send({
      holderName: 'Ģirts Žūriņš',
      note: 'Vārds bez garumzīmēm',
    });
    expect(res.status).toBe(201);
    const next = res.body;
    expect(next).toMatchObject({
      holderName: 'Ģirts Žūriņš',
      status: 'valid',
      replaces: { id: certificate.id, serial: certificate.serial },
    });
    expect(next.serial).toBe(certificate.serial.replace(/0001$/, '0002'));
    expect(next.verificationCode).not.toBe(groupCode(certificate.verificationCode));

    const old = await t.http().get(path);
    expect(old.text).toContain(`Apliecība ir aizstāta ar jaunu apliecību ${next.serial}; šī vairs nav derīga.`);
    expect(old.text).toContain(`href="${next.verificationPath}"`);
    const fresh = await t.http().get(next.verificationPath);
    expect(fresh.text).toContain('Apliecība ir derīga.');
    expect(fresh.text).toContain(`Aizstāj apliecību ${certificate.serial}`);
    expect((await adminApi('get', `/api/v1/certificates/${certificate.id}`)).body).toMatchObject({
      status: 'replaced',
      replacedBy: { id: next.id, serial: next.serial },
    });
    const holder = await logIn(t.agent(), world.trainees[0].email);
    const mine = (await holder.get('/api/v1/me/certificates')).body;
    expect(mine.items.map((c: { serial: string; status: string }) => [c.serial, c.status])).toEqual([
      [next.serial, 'valid'],
      [certificate.serial, 'replaced'],
    ]);
    expect((await adminApi('post', `/api/v1/certificates/${certificate.id}/reissue`).send({ note: 'x' })).status).toBe(409);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ entityId: next.id, action: 'certificate.reissued' })).toBe(1);
  });

  it('tells whether a PDF someone holds is an unaltered original issued here', async () => {
    const { world, certificate } = await issued();
    const holder = await logIn(t.agent(), world.trainees[0].email);
    const pdf = (await bytes(holder.get(`/certificates/${certificate.id}/download`))).body as Buffer;

    const visitor = t.agent();
    const form = await visitor.get('/verify');
    expect(form.status).toBe(200);
    const upload = (content: Buffer, name = 'apliecība.pdf') => {
      const { body, contentType } = multipartBody(
        { _csrf: csrfFrom(form.text) },
        { field: 'file', filename: name, content, type: 'application/pdf' },
      );
      return visitor.post('/verify/file').set('Content-Type', contentType).send(body);
    };
    const original = await upload(pdf);
    expect(original.status).toBe(200);
    expect(original.text).toContain(`Šis fails ir nemainīts oriģināls: apliecība ${certificate.serial}.`);
    expect(original.text).toContain('Apliecība ir derīga.');

    const tampered = Buffer.from(pdf);
    tampered[Math.floor(tampered.length / 2)] ^= 1;
    const changed = await upload(tampered);
    expect(changed.status).toBe(200);
    expect(changed.text).toContain('Šis fails neatbilst nevienai šeit izsniegtai apliecībai');

    // Switching language on the result asks for the address the file was posted to: the form, in that language.
    const switched = await visitor.get('/verify/file?lang=en');
    expect(switched.status).toBe(303);
    expect(switched.headers.location).toBe('/verify?lang=en');
    expect((await visitor.get('/verify/badge')).headers.location).toBe('/verify');

    const notPdf = await upload(Buffer.from('just text'), 'apliecība.txt');
    expect(notPdf.status).toBe(422);
    expect(notPdf.text).toContain('Šis nav PDF fails.');

    const { body, contentType } = multipartBody({}, { field: 'file', filename: 'c.pdf', content: tampered });
    const api = await t.http().post('/api/v1/verify/file').set('Content-Type', contentType).send(body);
    expect(api.body).toMatchObject({ matches: false, certificate: null });
    const same = multipartBody({}, { field: 'file', filename: 'c.pdf', content: pdf });
    expect((await t.http().post('/api/v1/verify/file').set('Content-Type', same.contentType).send(same.body)).body).toMatchObject({
      matches: true,
      sha256: certificate.sha256,
      certificate: { serial: certificate.serial, status: 'valid' },
    });
  });

  it('answers a client that hammers the page with 429 and a clear page, pages and API alike', async () => {
    const { certificate, path } = await issued();
    for (let i = 0; i < LIMIT; i++)
      expect((await t.http().get(i % 2 ? path : `/api/v1/verify/${certificate.verificationCode}`)).status).toBe(200);
    const page = await t.http().get(path);
    expect(page.status).toBe(429);
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
    expect(page.text).toContain('Pārāk daudz pārbaužu no jūsu adreses.');
    const api = await t.http().get(`/api/v1/verify/${certificate.verificationCode}`);
    expect(api.status).toBe(429);
    expect(api.body.code).toBe('TOO_MANY_REQUESTS');
  });
});
