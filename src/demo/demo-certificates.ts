import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CertificateTemplatesService } from '../certificates/certificate-templates.service';
import type { CertificateTemplateInput } from '../certificates/certificates.schemas';
import { CertificatesService } from '../certificates/certificates.service';
import { personActor } from '../common/actor';
import { Clock } from '../common/clock';
import type { Role } from '../common/roles';
import { rigaTime } from '../i18n/dates';
import { demoId } from './demo-programme';

/** What the programme's certificates ("apliecinājumi") say, as its administrator wrote it. */
const TEMPLATE: CertificateTemplateInput = {
  titleLv: 'Apliecinājums',
  titleEn: 'Certificate',
  placeLv: 'Daugavpils',
  placeEn: 'Daugavpils',
  learningOutcomesLv: [
    'Pārzina projekta dzīves ciklu no idejas līdz noslēguma pārskatam',
    'Prot plānot projekta laika grafiku, budžetu un riskus',
    'Pārzina Eiropas Sociālā fonda, ERAF un pārrobežu sadarbības projektu vadības specifiku',
    'Prot sagatavot projekta pieteikumu un publicitātes pasākumus',
  ],
  learningOutcomesEn: [
    'Knows the life cycle of a project from the idea to the final report',
    'Can plan a project’s schedule, budget and risks',
    'Knows what is particular to managing European Social Fund, ERDF and cross-border cooperation projects',
    'Can prepare a project application and publicity measures',
  ],
  signatories: [{ name: 'Ilze Administratore', position: 'Projekta vadītāja' }],
  issuerLv: 'Daugavpils pilsētas dome',
  issuerEn: 'Daugavpils City Council',
  serialFormat: 'DPD-{YYYY}/{NNNN}',
};

/** Part 2 ended with its completion fixed and the cohort closed on 28 September 2012; the certificates followed that afternoon. */
const PART2_ISSUED_AT = rigaTime(2012, 9, 28, 14, 0);

/**
 * The programme's certificate template, and the 20 certificates of the 2012 part 2 cohort, issued by the demo
 * administrator through the platform's own issue (real PDFs in storage, serials DPD-2012/0001… in the holders'
 * alphabetical order, the holders emailed a link). A member who already has a certificate for their enrolment —
 * valid, revoked or replaced — gets none, so loading the demo again changes nothing, even after someone revoked
 * one while trying the demo.
 */
export async function seedDemoCertificates(app: INestApplicationContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const [admin]: { id: string; roles: Role[] }[] = await dataSource.query(`SELECT id, roles FROM users WHERE email = 'admin@kursors.test'`);
  if (!admin) return;
  const actor = personActor({ id: admin.id, roles: admin.roles, language: 'lv' });
  const programmeId = demoId('programme');
  const templates = app.get(CertificateTemplatesService);
  if (!(await templates.find(programmeId))) await templates.save(actor, programmeId, TEMPLATE);

  const waiting: { id: string; name: string }[] = await dataSource.query(
    `SELECT e.id, u.name FROM enrolments e JOIN users u ON u.id = e.user_id
      WHERE e.cohort_id = $1
        AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.enrolment_ids[1] = e.id AND c.part_id IS NOT NULL)`,
    [demoId('cohort:part2-2012')],
  );
  if (!waiting.length) return;
  const clock = app.get(Clock);
  const certificates = app.get(CertificatesService);
  clock.set(PART2_ISSUED_AT);
  try {
    for (const { id } of waiting.sort((a, b) => a.name.localeCompare(b.name, 'lv'))) await certificates.issue(actor, { enrolmentId: id });
  } finally {
    clock.set(null);
  }
}
