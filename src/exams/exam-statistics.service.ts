import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/actor';
import { ExamMarkingRecords } from './exam-marking-records.service';
import { ExamReleaseService } from './exam-release.service';
import type { Exam } from './exam.entity';
import { itemStatistics, scoreDistribution, type AttemptScores } from './item-statistics';

/** Thresholds past which a question is worth a second look, as quiz statistics commonly flag them. */
export const FACILITY_TOO_LOW = 0.2;
export const FACILITY_TOO_HIGH = 0.95;
export const DISCRIMINATION_TOO_LOW = 0.2;

export type QuestionFlag = 'tooHard' | 'tooEasy' | 'weakDiscrimination';

export interface QuestionStatistics {
  questionId: string;
  name: string;
  points: number;
  attempts: number;
  facility: number;
  discrimination: number | null;
  flags: QuestionFlag[];
}

export interface ExamStatistics {
  exam: Exam;
  /** What was counted: marked attempts of an online exam, or the scores entered for an exam sat in person. */
  counted: 'attempts' | 'results';
  attempts: number;
  maxPoints: number;
  mean: number | null;
  bands: { from: number; to: number; count: number }[];
  questions: QuestionStatistics[];
}

export function flagsOf(facility: number, discrimination: number | null, attempts: number): QuestionFlag[] {
  if (!attempts) return [];
  const flags: QuestionFlag[] = [];
  if (facility < FACILITY_TOO_LOW) flags.push('tooHard');
  if (facility > FACILITY_TOO_HIGH) flags.push('tooEasy');
  if (discrimination !== null && discrimination < DISCRIMINATION_TOO_LOW) flags.push('weakDiscrimination');
  return flags;
}

/**
 * An exam's score distribution and each question's facility and discrimination, from its marked attempts (for an
 * exam sat in person, the distribution of its entered scores).
 */
@Injectable()
export class ExamStatisticsService {
  constructor(
    private readonly release: ExamReleaseService,
    private readonly records: ExamMarkingRecords,
  ) {}

  async of(actor: Actor, examId: string): Promise<ExamStatistics> {
    const exam = await this.release.managed(actor, examId);
    const rows = await this.records.statisticsRows(examId);
    const attempts = new Map<string, { total: number; max: number; fractions: Map<string, number> }>();
    const points = new Map<string, number>();
    const names = new Map<string, string>();
    for (const row of rows) {
      const attempt = attempts.get(row.attemptId) ?? { total: Number(row.score), max: Number(row.maxPoints), fractions: new Map() };
      attempt.fractions.set(row.questionId, Number(row.fraction ?? 0));
      attempts.set(row.attemptId, attempt);
      points.set(row.questionId, Math.max(points.get(row.questionId) ?? 0, Number(row.points)));
      if (!names.has(row.questionId)) names.set(row.questionId, row.questionName);
    }
    const scores: AttemptScores[] = [...attempts.values()].map((a) => ({ total: a.total, fractions: a.fractions }));
    // An exam sat in person has no attempts: its distribution is that of the scores on its results sheet.
    const totals = exam.mode === 'in_person' ? await this.records.resultScores(examId) : scores.map((s) => s.total);
    const maxPoints = Number(exam.maxPoints);
    const questions = itemStatistics(scores, points)
      .map((s) => ({
        ...s,
        name: names.get(s.questionId) ?? '',
        points: points.get(s.questionId) ?? 0,
        flags: flagsOf(s.facility, s.discrimination, s.attempts),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'lv'));
    return {
      exam,
      counted: exam.mode === 'in_person' ? 'results' : 'attempts',
      attempts: totals.length,
      maxPoints,
      mean: totals.length ? totals.reduce((sum, total) => sum + total, 0) / totals.length : null,
      bands: scoreDistribution(totals, maxPoints > 0 ? maxPoints : 1),
      questions,
    };
  }
}
