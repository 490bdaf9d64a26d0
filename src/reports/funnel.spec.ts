import type { CriterionResult } from '../completion/enrolment-completion.entity';
import { FUNNEL_STAGES, furthestStage, perTraineeAndPart, stageCounts } from './funnel';

const met = (criterion: CriterionResult['criterion']): CriterionResult => ({ criterion, state: 'met', progress: { done: 1, of: 1 } });
const pending = (criterion: CriterionResult['criterion']): CriterionResult => ({
  criterion,
  state: 'pending',
  missing: { count: 1, unit: 'sessions' },
  progress: { done: 0, of: 1 },
});
const stage = (facts: Parameters<typeof furthestStage>[0]) => FUNNEL_STAGES[furthestStage(facts)];

describe('the completion funnel', () => {
  it('stops each trainee at the first stage of the rule not yet met', () => {
    const rule = (...criteria: CriterionResult[]) => stage({ criteria, completed: false, certified: false });
    expect(rule(pending('attendance'), met('independent_work'), met('final_exam'))).toBe('enrolled');
    expect(rule(met('attendance'), pending('independent_work'), met('final_exam'))).toBe('attendance');
    expect(rule(met('attendance'), met('independent_work'), pending('final_exam'))).toBe('work');
    expect(rule(met('attendance'), met('independent_work'), met('final_exam'), pending('closing_seminar'))).toBe('exam');
  });

  it('passes through a stage the rule does not have', () => {
    expect(stage({ criteria: [met('attendance'), pending('closing_seminar')], completed: false, certified: false })).toBe('exam');
    expect(stage({ criteria: [pending('final_exam')], completed: false, certified: false })).toBe('work');
  });

  it('puts completion and a certificate past every stage before them, and a never-evaluated enrolment at the start', () => {
    expect(stage({ criteria: [pending('attendance')], completed: true, certified: false })).toBe('completed');
    expect(stage({ criteria: [], completed: false, certified: true })).toBe('certified');
    expect(stage({ criteria: null, completed: false, certified: false })).toBe('enrolled');
  });

  it('counts who reached each stage, who stopped there, and the shares of the enrolled and of the stage before', () => {
    const counts = stageCounts([0, 1, 1, 4, 5].map((furthest) => ({ furthest })));
    expect(counts.map((c) => [c.stage, c.reached, c.here, c.percent, c.percentOfPrevious])).toEqual([
      ['enrolled', 5, 1, 100, 100],
      ['attendance', 4, 2, 80, 80],
      ['work', 2, 0, 40, 50],
      ['exam', 2, 0, 40, 100],
      ['completed', 2, 1, 40, 100],
      ['certified', 1, 1, 20, 50],
    ]);
    expect(stageCounts([]).map((c) => [c.reached, c.percent])).toEqual(FUNNEL_STAGES.map(() => [0, 0]));
  });

  it('counts a trainee once per part, at the furthest of their enrolments (the later cohort on a tie)', () => {
    const units = perTraineeAndPart([
      { userId: 'inese', partId: 'p2', furthest: 1, startsOn: '2012-05-02', cohort: 'spring' },
      { userId: 'inese', partId: 'p2', furthest: 4, startsOn: '2012-10-01', cohort: 'autumn' },
      { userId: 'inese', partId: 'p1', furthest: 0, startsOn: '2012-09-05', cohort: 'p1' },
      { userId: 'anna', partId: 'p2', furthest: 2, startsOn: '2012-05-02', cohort: 'spring' },
      { userId: 'anna', partId: 'p2', furthest: 2, startsOn: '2012-10-01', cohort: 'autumn' },
    ]);
    expect(units.map((u) => [u.userId, u.partId, u.cohort, u.enrolments])).toEqual([
      ['inese', 'p2', 'autumn', 2],
      ['inese', 'p1', 'p1', 1],
      ['anna', 'p2', 'autumn', 2],
    ]);
  });
});
