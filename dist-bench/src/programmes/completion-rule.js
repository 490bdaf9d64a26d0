"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.describeCompletionRule = describeCompletionRule;
/** The part's completion rule in words, one condition a line, in the reader's language. */
function describeCompletionRule(rule, lang, i18n) {
    const lines = [];
    if (rule.minAttendancePercent > 0)
        lines.push(i18n.t(lang, 'programmes.rule.attendance', { percent: rule.minAttendancePercent }));
    if (rule.requiresIndependentWork)
        lines.push(i18n.t(lang, 'programmes.rule.independentWork'));
    if (rule.requiresFinalExam)
        lines.push(i18n.t(lang, 'programmes.rule.finalExam'));
    if (rule.closesWithSeminar)
        lines.push(i18n.t(lang, 'programmes.rule.seminar'));
    if (!lines.length)
        lines.push(i18n.t(lang, 'programmes.rule.none'));
    return lines;
}
