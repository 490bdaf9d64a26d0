import { createHash, createPublicKey, generateKeyPairSync, type JsonWebKey, verify } from 'node:crypto';
import { CertificateBadge } from '../src/certificates/certificate-badge.entity';
import { CertificatesService } from '../src/certificates/certificates.service';
import { badgeKeys, resignOpenBadge, type SignedOpenBadge } from '../src/certificates/open-badge';
import { OpenBadgeService } from '../src/certificates/open-badge.service';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { groupCode } from '../src/certificates/verification-code';
import type { User } from '../src/users/user.entity';
import type { TestApp } from './support/app';
import { certificateDocument } from './support/certificate-documents';
import { clearVerificationChecks, issuedCertificate, startCertificateApp } from './support/certificate-factories';
import { actorOf, createApiToken, createInstructor } from './support/factories';
import { type ApiCall, bytes as asBytes, csrfFrom, logIn, unescapeHtml } from './support/http';
import { multipartBody, useTemporaryUploadDir } from './support/uploads';

useTemporaryUploadDir();
const LIMIT = 60;
process.env.VERIFY_MAX_PER_ADDRESS = String(LIMIT);

/** JSON Canonicalization (RFC 8785) for what a badge holds: strings, booleans, arrays and objects. */
function jcs(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function base58(text: string): Buffer {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let n = 0n;
  for (const c of text) n = n * 58n + BigInt(alphabet.indexOf(c));
  const hex = n.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
}

/** eddsa-jcs-2022 checked by hand: SHA-256 of the proof options, then of the document, signed with Ed25519. */
function proofHolds(badge: SignedOpenBadge, jwk: JsonWebKey): boolean {
  const { proof, ...document } = badge;
  const { proofValue, ...options } = proof;
  const sha = (text: string) => createHash('sha256').update(text).digest();
  const data = Buffer.concat([sha(jcs(options)), sha(jcs(document))]);
  return verify(null, data, createPublicKey({ key: jwk, format: 'jwk' }), base58(proofValue.slice(1)));
}

describe('certificates as Open Badges', () => {
  let t: TestApp;
  let service: CertificatesService;
  let admin: User;
  let adminApi: ApiCall;

  beforeAll(async () => ({ t, service, admin, adminApi } = await startCertificateApp()));
  afterAll(() => t.close());
  beforeEach(() => clearVerificationChecks(t));

  async function issued(options: { instructors?: User[]; names?: string[] } = {}) {
    const names = options.names ?? ['Ģirts Žūriņš-Ķēniņš', 'Līga Bērziņa'];
    const { world, certificate } = await issuedCertificate({ t, service, admin }, { ...options, names });
    const holder = await logIn(t.agent(), world.trainees[0].email);
    return { world, certificate, holder };
  }

  const download = async (agent: ReturnType<TestApp['agent']>, path: string) => {
    const res = await asBytes(agent.get(path));
    return { res, bytes: res.body as Buffer };
  };

  const checkApi = (badge: unknown) =>
    t
      .http()
      .post('/api/v1/verify/badge')
      .send(badge as object);

  /** The public page's badge form, sent as a visitor's browser sends it: the file, or the text pasted. */
  async function checkPage(input: { file?: Buffer; text?: string }) {
    const visitor = t.agent();
    const form = await visitor.get('/verify');
    const { body, contentType } = multipartBody(
      { _csrf: csrfFrom(form.text), badgeText: input.text ?? '' },
      input.file ? { field: 'badgeFile', filename: 'apliecība.json', content: input.file, type: 'application/json' } : undefined,
    );
    return visitor.post('/verify/badge').set('Content-Type', contentType).send(body);
  }

  it('gives the holder a signed badge from their list and the certificate page: the same bytes every time, named by its serial', async () => {
    const { world, certificate, holder } = await issued();
    const mine = await holder.get('/my/certificates');
    expect(mine.text).toContain(`href="/certificates/${certificate.id}/badge"`);
    expect(mine.text).toContain('Lejupielādēt Open Badge');
    const page = await holder.get(`/certificates/${certificate.id}`);
    expect(page.text).toContain(`href="/certificates/${certificate.id}/badge"`);
    const email = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ dedupKey: `certificate-issued:${certificate.id}` });
    expect(email.text).toMatch(/“Mani apliecinājumi”\.\n\nApliecība ir arī Open Badge veidā: .*\n\nMani apliecinājumi: http/);

    const { res, bytes } = await download(holder, `/certificates/${certificate.id}/badge`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vc+ld+json');
    const fileName = `${certificate.serial.replace(/\//g, '-')}.json`;
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${fileName}"; filename*=UTF-8''${fileName}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');

    const badge = JSON.parse(bytes.toString('utf8')) as SignedOpenBadge;
    expect(badge.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(badge.id).toBe(`http://kursors.test/verify/${groupCode(certificate.verificationCode)}`);
    expect(badge.validFrom).toBe('2012-06-20T09:00:00Z');
    expect(badge.issuer).toMatchObject({ id: 'did:web:kursors.test', name: 'Daugavpils pilsētas dome', url: 'http://kursors.test' });
    // made at start-up, and it says so in the badge itself
    expect(badge.issuer.description).toContain('izstrādes atslēgu');
    expect(badge.proof.verificationMethod).toMatch(/^did:web:kursors\.test#development-z6Mk/);
    expect(badge.credentialSubject.identifier[0]).toMatchObject({ identityType: 'name', identityHash: 'Ģirts Žūriņš-Ķēniņš' });
    expect(badge.credentialSubject.achievement).toMatchObject({
      id: `urn:uuid:${world.part.id}`,
      name: 'Daugavpils pašvaldības darbinieku kursu cikls: Projektu vadības specifika dažāda veida projektos',
      inLanguage: 'lv',
    });
    expect(badge.credentialSubject.achievement.description).toContain('40 akadēmiskās stundas');
    expect(bytes.toString('utf8').toLowerCase()).not.toContain(world.trainees[0].email.toLowerCase());

    // stored when it was issued: every download, page or API, holder or administrator, gives those bytes
    const stored = await t.dataSource.getRepository(CertificateBadge).findOneByOrFail({ certificateId: certificate.id });
    expect(stored.credential).toBe(bytes.toString('utf8'));
    expect((await download(holder, `/certificates/${certificate.id}/badge`)).bytes.equals(bytes)).toBe(true);
    expect((await download(holder, `/api/v1/certificates/${certificate.id}/badge`)).bytes.equals(bytes)).toBe(true);
    const asAdmin = await asBytes(adminApi('get', `/api/v1/certificates/${certificate.id}/badge`));
    expect((asAdmin.body as Buffer).equals(bytes)).toBe(true);
  });

  it('lets no one but the holder and administrators download it', async () => {
    const instructor = await createInstructor(t.dataSource);
    const { world, certificate } = await issued({ instructors: [instructor] });
    const other = await logIn(t.agent(), world.trainees[1].email);
    const teacher = await logIn(t.agent(), instructor.email);
    for (const agent of [other, teacher]) {
      expect((await agent.get(`/certificates/${certificate.id}/badge`)).status).toBe(404);
      expect((await agent.get(`/api/v1/certificates/${certificate.id}/badge`)).status).toBe(404);
    }
    const { secret } = await createApiToken(t.dataSource, world.trainees[1]);
    const api = await t.http().get(`/api/v1/certificates/${certificate.id}/badge`).set('Authorization', `Bearer ${secret}`);
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.http().get(`/api/v1/certificates/${certificate.id}/badge`)).status).toBe(401);
  });

  it('publishes its keys as a did:web document and a JWK set that check the proof without the platform', async () => {
    const { certificate, holder } = await issued();
    const badge = JSON.parse((await download(holder, `/certificates/${certificate.id}/badge`)).bytes.toString('utf8')) as SignedOpenBadge;

    const did = await t.http().get('/.well-known/did.json');
    expect(did.status).toBe(200);
    expect(did.headers['content-type']).toMatch(/^application\/did\+ld\+json/);
    expect(did.headers['access-control-allow-origin']).toBe('*');
    const document = JSON.parse(did.text) as {
      id: string;
      verificationMethod: { id: string; type: string; controller: string; publicKeyMultibase: string }[];
      assertionMethod: string[];
    };
    expect(document.id).toBe(badge.issuer.id);
    expect(document.assertionMethod).toContain(badge.proof.verificationMethod);
    const method = document.verificationMethod.find((m) => m.id === badge.proof.verificationMethod)!;
    expect(method).toMatchObject({ type: 'Multikey', controller: 'did:web:kursors.test' });

    const jwks = await t.http().get('/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    expect(jwks.headers['content-type']).toMatch(/^application\/jwk-set\+json/);
    const { keys } = JSON.parse(jwks.text) as { keys: (JsonWebKey & { kid: string })[] };
    const jwk = keys.find((k) => k.kid === badge.proof.verificationMethod)!;
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(jwk.d).toBeUndefined();
    // the DID document's Multikey is the same public key: 0xed 0x01, then the 32 bytes of the JWK's x
    const multikey = base58(method.publicKeyMultibase.slice(1));
    expect(multikey.subarray(0, 2).toString('hex')).toBe('ed01');
    expect(multikey.subarray(2).toString('base64url')).toBe(jwk.x);

    expect(proofHolds(badge, jwk)).toBe(true);
    const renamed = { ...badge, credentialSubject: { ...badge.credentialSubject, identifier: [] } } as unknown as SignedOpenBadge;
    expect(proofHolds(renamed, jwk)).toBe(false);
  });

  it('verifies a badge through the API and the public page: valid, from its file or its pasted text', async () => {
    const { world, certificate, holder } = await issued();
    const { bytes } = await download(holder, `/certificates/${certificate.id}/badge`);

    const api = await checkApi(JSON.parse(bytes.toString('utf8')));
    expect(api.status).toBe(200);
    expect(api.body).toEqual({
      result: 'valid',
      reason: null,
      verificationCode: groupCode(certificate.verificationCode),
      developmentKey: true,
      certificate: expect.objectContaining({ serial: certificate.serial, holderName: 'Ģirts Žūriņš-Ķēniņš', status: 'valid' }),
    });
    expect(JSON.stringify(api.body)).not.toContain(world.trainees[0].email);

    for (const input of [{ file: bytes }, { text: bytes.toString('utf8') }]) {
      const page = await checkPage(input);
      expect(page.status).toBe(200);
      const text = unescapeHtml(page.text);
      expect(text).toContain(`Open Badge paraksts ir derīgs: tas izsniegts šeit un nav mainīts (apliecība ${certificate.serial}).`);
      expect(text).toContain('Apliecība ir derīga.');
      expect(text).toContain('Ģirts Žūriņš-Ķēniņš');
      expect(text).toContain('izstrādes atslēgu');
      expect(text).not.toContain(world.trainees[0].email);
    }
  });

  it('finds any change to a badge, and names the certificate it claims to be', async () => {
    const { certificate, holder } = await issued();
    const badge = JSON.parse((await download(holder, `/certificates/${certificate.id}/badge`)).bytes.toString('utf8')) as SignedOpenBadge;
    const renamed = structuredClone(badge);
    renamed.credentialSubject.identifier[0].identityHash = 'Jānis Bērziņš';
    const moreHours = JSON.parse(JSON.stringify(badge).replace(/40 akadēmiskās stundas/g, '80 akadēmiskās stundas')) as SignedOpenBadge;
    const { proof: _proof, ...unsigned } = badge;
    for (const changed of [renamed, moreHours, unsigned]) {
      expect((await checkApi(changed)).body).toEqual({
        result: 'signature-invalid',
        reason: null,
        verificationCode: groupCode(certificate.verificationCode),
        developmentKey: true,
        certificate: null,
      });
    }
    const page = await checkPage({ file: Buffer.from(JSON.stringify(renamed)) });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Open Badge ir mainīts pēc parakstīšanas');
    expect(page.text).toContain(`href="/verify/${groupCode(certificate.verificationCode)}"`);
    expect(page.text).not.toContain('Apliecība ir derīga.');
    expect(page.text).not.toContain('Jānis Bērziņš');
  });

  it('says a badge is revoked once its certificate is, and replaced once it is reissued', async () => {
    const first = await issued();
    const revokedBadge = JSON.parse((await download(first.holder, `/certificates/${first.certificate.id}/badge`)).bytes.toString('utf8'));
    await service.revoke(actorOf(admin), first.certificate.id, { reason: 'misconduct', note: 'Noslēguma darbs nav paša veikts.' });
    const revoked = await checkApi(revokedBadge);
    expect(revoked.body).toMatchObject({
      result: 'revoked',
      certificate: { serial: first.certificate.serial, status: 'revoked', revocationReason: 'misconduct' },
    });
    expect(JSON.stringify(revoked.body)).not.toContain('Noslēguma darbs');
    const revokedPage = await checkPage({ file: Buffer.from(JSON.stringify(revokedBadge)) });
    expect(revokedPage.text).toContain('Apliecība ir atsaukta 2012. gada 20. jūnijā. Iemesls: Negodīga rīcība.');

    const second = await issued({ names: ['Girts Zurins'] });
    const oldBadge = JSON.parse((await download(second.holder, `/certificates/${second.certificate.id}/badge`)).bytes.toString('utf8'));
    const next = await service.reissue(actorOf(admin), second.certificate.id, { holderName: 'Ģirts Žūriņš', note: 'Garumzīmes' });
    expect((await checkApi(oldBadge)).body).toMatchObject({
      result: 'replaced',
      certificate: { serial: second.certificate.serial, status: 'replaced', replacedBy: { serial: next.serial } },
    });
    const replacedPage = await checkPage({ text: JSON.stringify(oldBadge) });
    expect(replacedPage.text).toContain(`Apliecība ir aizstāta ar jaunu apliecību ${next.serial}; šī vairs nav derīga.`);
    const newBadge = JSON.parse(
      (await download(second.holder, `/certificates/${next.id}/badge`)).bytes.toString('utf8'),
    ) as SignedOpenBadge;
    expect(newBadge.credentialSubject.identifier[0].identityHash).toBe('Ģirts Žūriņš');
    expect((await checkApi(newBadge)).body).toMatchObject({
      result: 'valid',
      certificate: { serial: next.serial, replaces: { serial: second.certificate.serial } },
    });
  });

  it('tells a badge of another issuer, another key or no certificate here from one issued here', async () => {
    const { certificate, holder } = await issued();
    const badge = JSON.parse((await download(holder, `/certificates/${certificate.id}/badge`)).bytes.toString('utf8')) as SignedOpenBadge;
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const elsewhere = resignOpenBadge(
      { ...badge, issuer: { ...badge.issuer, id: 'did:web:elsewhere.example' } },
      badgeKeys([stranger], 'https://elsewhere.example', false),
    );
    expect((await checkApi(elsewhere)).body).toMatchObject({ result: 'not-issued-here', reason: 'other-issuer', certificate: null });
    const forged = resignOpenBadge(badge, badgeKeys([stranger], 'http://kursors.test', false));
    expect((await checkApi(forged)).body).toMatchObject({ result: 'not-issued-here', reason: 'unknown-key', certificate: null });
    const forgedPage = await checkPage({ file: Buffer.from(JSON.stringify(forged)) });
    expect(unescapeHtml(forgedPage.text)).toContain('Šis Open Badge nav parakstīts ar nevienu no šīs platformas atslēgām');
    const noSuch = t.app
      .get(OpenBadgeService)
      .issue(certificateDocument({ verificationUrl: 'http://kursors.test/verify/7KQ2-M9XD-4TPV-HC3R' }), {
        issuedAt: new Date(),
        achievementId: 'urn:uuid:00000000-0000-4000-8000-000000000000',
      });
    expect((await checkApi(noSuch)).body).toMatchObject({ result: 'not-issued-here', reason: 'unknown-certificate' });
  });

  it('names the field and the reason when what was sent is not a badge, nothing else on the page lost', async () => {
    const empty = await checkPage({});
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Izvēlieties Open Badge JSON failu vai ielīmējiet tā tekstu.');
    expect(empty.text).toMatch(/id="error-badgeFile"/);
    const notJson = await checkPage({ text: 'Apliecība Nr. DPD-2012/0001' });
    expect(notJson.status).toBe(422);
    expect(notJson.text).toMatch(/id="error-badgeText"/);
    expect(notJson.text).toContain('Tas nav JSON');
    expect(notJson.text).toContain('Apliecība Nr. DPD-2012/0001</textarea>');
    const notBadge = await checkPage({ file: Buffer.from('{"type": ["VerifiableCredential"]}') });
    expect(notBadge.status).toBe(422);
    expect(notBadge.text).toContain('Tas nav Open Badges apliecinājums (OpenBadgeCredential).');
    const tooLarge = await checkPage({ file: Buffer.alloc(300 * 1024, 0x20) });
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.text).toMatch(/id="error-badgeFile"/);

    for (const body of [[1, 2], { type: ['VerifiableCredential'] }]) {
      const res = await checkApi(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'badge' }] });
    }
    const text = await t.http().post('/api/v1/verify/badge').set('Content-Type', 'application/json').send('{"not json');
    expect(text.status).toBe(400);
  });

  it('signs again a stored badge whose key it no longer holds, and makes the badge of a certificate issued without one', async () => {
    const { certificate, holder } = await issued();
    const path = `/certificates/${certificate.id}/badge`;
    const original = (await download(holder, path)).bytes;
    const repo = t.dataSource.getRepository(CertificateBadge);

    // signed by a development key of an earlier start
    const earlier = badgeKeys([generateKeyPairSync('ed25519').privateKey], 'http://kursors.test', true);
    const old = resignOpenBadge(JSON.parse(original.toString('utf8')) as SignedOpenBadge, earlier);
    await repo.update(
      { certificateId: certificate.id },
      { credential: JSON.stringify(old), verificationMethod: old.proof.verificationMethod },
    );
    expect((await checkApi(old)).body).toMatchObject({ result: 'not-issued-here', reason: 'unknown-key' });
    const again = (await download(holder, path)).bytes;
    expect(again.equals(original)).toBe(true);
    expect((await repo.findOneByOrFail({ certificateId: certificate.id })).credential).toBe(original.toString('utf8'));

    // issued before badges were offered: made from the certificate as issued, at its first download, then kept
    await repo.delete({ certificateId: certificate.id });
    const made = (await download(holder, path)).bytes;
    expect(made.equals(original)).toBe(true);
    expect(await repo.countBy({ certificateId: certificate.id })).toBe(1);
    expect((await checkApi(JSON.parse(made.toString('utf8')))).body).toMatchObject({ result: 'valid' });
  });

  it('counts badge checks against the address with the other checks', async () => {
    const { certificate, holder } = await issued();
    const badge = JSON.parse((await download(holder, `/certificates/${certificate.id}/badge`)).bytes.toString('utf8'));
    for (let i = 0; i < LIMIT; i++) expect((await t.http().get(`/api/v1/verify/${certificate.verificationCode}`)).status).toBe(200);
    const api = await checkApi(badge);
    expect(api.status).toBe(429);
    expect(api.body.code).toBe('TOO_MANY_REQUESTS');
    const page = await checkPage({ text: JSON.stringify(badge) });
    expect(page.status).toBe(429);
    expect(page.text).toContain('Pārāk daudz pārbaužu no jūsu adreses.');
  });
});
