import { AuditEvent } from '../src/audit/audit-event.entity';
import { CertificateTemplate } from '../src/certificates/certificate-template.entity';
import { startWebApp, TestApp } from './support/app';
import { templateForm, templateInput } from './support/certificate-factories';
import { type ApiCall, postForm, signInAdmin } from './support/http';
import { createProgramme } from './support/schedule-factories';

describe('certificate templates', () => {
  let t: TestApp;
  let adminAgent: ReturnType<TestApp['agent']>;
  let api: ApiCall;

  beforeAll(async () => {
    t = await startWebApp();
    ({ agent: adminAgent, api } = await signInAdmin(t));
  });
  afterAll(() => t.close());

  it('starts a new template from the usual titles and shows the programme’s funding statement', async () => {
    const programme = await createProgramme(t.dataSource);
    const page = await adminAgent.get(`/admin/programmes/${programme.id}/certificate-template`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="Apliecība"');
    expect(page.text).toContain('value="Certificate"');
    expect(page.text).toContain(programme.fundingStatement);
    expect((await adminAgent.get(`/admin/programmes/${programme.id}`)).text).toContain(
      `href="/admin/programmes/${programme.id}/certificate-template"`,
    );
  });

  it('saves the form, shows it again with the values, and audits the change', async () => {
    const programme = await createProgramme(t.dataSource);
    const path = `/admin/programmes/${programme.id}/certificate-template`;
    const saved = await postForm(adminAgent, path, templateForm({ signatory2Name: 'Jānis Bērziņš', signatory2Position: 'Direktors' }));
    expect(saved.status).toBe(303);
    const template = await t.dataSource.getRepository(CertificateTemplate).findOneByOrFail({ programmeId: programme.id });
    expect(template.signatories).toEqual([
      { name: 'Žanna Ķirķe', position: 'Projekta vadītāja' },
      { name: 'Jānis Bērziņš', position: 'Direktors' },
    ]);
    expect(template.learningOutcomesLv).toEqual(templateInput().learningOutcomesLv);
    const page = await adminAgent.get(path);
    expect(page.text).toContain('Apliecību veidne saglabāta.');
    expect(page.text).toContain('value="Jānis Bērziņš"');
    expect(page.text).toContain('value="DPD-{YYYY}/{NNNN}"');

    await postForm(adminAgent, path, templateForm({ placeLv: 'Rēzekne' }));
    const events = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { entityType: 'programme', entityId: programme.id }, order: { createdAt: 'ASC' } });
    expect(events.map((e) => e.action)).toEqual(['certificate_template.created', 'certificate_template.updated']);
    expect(events[1].before).toMatchObject({ placeLv: 'Daugavpils' });
    expect(events[1].after).toMatchObject({ placeLv: 'Rēzekne' });
  });

  it('names each bad field in Latvian and keeps nothing of a refused form', async () => {
    const programme = await createProgramme(t.dataSource);
    const refused = await postForm(
      adminAgent,
      `/admin/programmes/${programme.id}/certificate-template`,
      templateForm({ serialFormat: 'DPD-{NNNN}', titleEn: '', signatory1Position: '', signatory3Name: 'Anna' }),
    );
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Jābūt tieši vienam {YYYY} (izsniegšanas gads).');
    expect(refused.text).toMatch(/id="error-titleEn"[^>]*>.*Šis lauks ir obligāts/s);
    expect(refused.text).toMatch(/id="error-signatory1Position"/);
    expect(refused.text).toMatch(/id="error-signatory3Position"/);
    expect(refused.text).not.toMatch(/id="error-signatory2Name"/);
    expect(refused.text).toContain('value="Anna"');
    expect(await t.dataSource.getRepository(CertificateTemplate).countBy({ programmeId: programme.id })).toBe(0);
  });

  it('is read and written through the API, which names the bad field', async () => {
    const programme = await createProgramme(t.dataSource);
    const path = `/api/v1/programmes/${programme.id}/certificate-template`;
    expect((await api('get', path)).body).toMatchObject({ statusCode: 409, code: 'CERTIFICATE_NO_TEMPLATE' });

    const bad = await api('put', path).send(templateInput({ serialFormat: '{YYYY}/{NN}', signatories: [] }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['serialFormat', 'signatories']);

    const put = await api('put', path).send(templateInput({ titleEn: 'Certificate of completion' }));
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ programmeId: programme.id, titleEn: 'Certificate of completion', serialFormat: 'DPD-{YYYY}/{NNNN}' });
    expect((await api('get', path)).body.signatories).toEqual([{ name: 'Žanna Ķirķe', position: 'Projekta vadītāja' }]);
    expect((await api('get', `/api/v1/programmes/${crypto.randomUUID()}/certificate-template`)).status).toBe(404);
  });
});
