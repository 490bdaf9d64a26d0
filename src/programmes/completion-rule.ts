import type { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import type { Part } from './part.entity';

export type CompletionRule = Pick<Part, 'minAttendancePercent' | 'requiresIndependentWork' | 'requiresFinalExam' | 'closesWithSeminar'>;

/** The part's completion rule in words, one condition a line, in the reader's language. */
export function describeCompletionRule(rule: CompletionRule, lang: Language, i18n: I18nService): string[] {
  const lines: string[] = [];
  if (rule.minAttendancePercent > 0) lines.push(i18n.t(lang, 'programmes.rule.attendance', { percent: rule.minAttendancePercent }));
  if (rule.requiresIndependentWork) lines.push(i18n.t(lang, 'programmes.rule.independentWork'));
  if (rule.requiresFinalExam) lines.push(i18n.t(lang, 'programmes.rule.finalExam'));
  if (rule.closesWithSeminar) lines.push(i18n.t(lang, 'programmes.rule.seminar'));
  if (!lines.length) lines.push(i18n.t(lang, 'programmes.rule.none'));
  return lines;
}
