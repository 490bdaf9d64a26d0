import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { CompletionRecords } from '../completion/completion-records.service';
import { CompletionService } from '../completion/completion.service';
import type { Criterion } from '../completion/enrolment-completion.entity';
import { rigaTime } from '../i18n/dates';
import { demoId } from './demo-programme';

/** Why a 2012 trainee counts as completed although the records kept here do not show every criterion met. */
const HISTORY: Record<Criterion, string> = {
  attendance: 'apmeklējums pārbaudīts 2012. gada papīra žurnālā, kavētās nodarbības apgūtas individuāli',
  independent_work: 'patstāvīgais darbs iesniegts un ieskaitīts papīra formā',
  final_exam: 'eksāmens nokārtots atkārtoti 2013. gada janvārī, protokols papīra formā',
  closing_seminar: 'semināra dalībnieku saraksts parakstīts papīra formā',
};

/** The 2012 cohorts: completed when their last step was done, then closed by the administrator. */
const COHORTS_2012 = [
  { key: 'cohort:part2-2012', completedAt: rigaTime(2012, 9, 28, 12, 0) },
  { key: 'cohort:part1-2012', completedAt: rigaTime(2012, 12, 21, 12, 0) },
];

/**
 * Completion of the demo's cohorts, worked out by the same rule as the platform's. The 2012 cohorts are history:
 * every trainee of part 2 completed it after its closing seminar and study visits, and every trainee of part 1
 * after the December exam; where the records kept here do not show a criterion met (an absence, work graded on
 * paper, Kaspars Dūmiņš's retake in January), an administrator set the completion by hand and said why. Both
 * cohorts are closed. Loading the demo again changes nothing: results are written only when they differ, a hand
 * already set is kept, a closed cohort stays as it is.
 */
export async function seedDemoCompletion(manager: EntityManager): Promise<void> {
  const records = new CompletionRecords(manager.connection);
  const clock = new Clock();
  const completion = new CompletionService(manager.connection, records, clock);
  const [admin]: { id: string }[] = await manager.query(`SELECT id FROM users WHERE email = 'admin@kursors.test'`);
  for (const { key, completedAt } of COHORTS_2012) {
    const cohortId = demoId(key);
    const cohort = await records.cohort(cohortId, manager);
    if (!cohort || cohort.closed_at) continue;
    clock.set(completedAt);
    await completion.reevaluate(manager, { cohortId });
    for (const member of await records.ofCohort(cohortId, manager)) {
      if (member.completed || member.manual_state) continue;
      const unmet = (member.criteria ?? []).filter((c) => c.state !== 'met').map((c) => HISTORY[c.criterion]);
      const reason = `2012. gada vēsture: ${unmet.join('; ') || 'pabeigšana apstiprināta ar rīkojumu'}.`;
      await records.setManual(manager, member.enrolment_id, { state: 'completed', reason, byId: admin?.id ?? null, at: completedAt });
    }
    await records.fixStatuses(manager, cohortId);
    await records.setClosed(manager, cohortId, { at: completedAt, byId: admin?.id ?? null });
  }
  clock.set(null);
  await completion.reevaluate(manager, { cohortId: demoId('cohort:part1-2027') });
}
