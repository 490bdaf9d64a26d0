"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.programmeJson = programmeJson;
exports.partJson = partJson;
exports.indicatorJson = indicatorJson;
const completion_rule_1 = require("./completion-rule");
/** The API's view of the records: plain JSON, dates as ISO strings. */
function programmeJson(p) {
    return {
        id: p.id,
        titleLv: p.titleLv,
        titleEn: p.titleEn,
        descriptionLv: p.descriptionLv,
        descriptionEn: p.descriptionEn,
        status: p.status,
        project: {
            title: p.projectTitle,
            agreementNumber: p.agreementNumber,
            funder: p.funder,
            cofinancingPercent: Number(p.cofinancingPercent),
            partners: p.partners,
            fundingStatement: p.fundingStatement,
            logoUrl: p.logoKey ? `/programmes/${p.id}/logo` : null,
        },
        reminderOffsetsHours: p.reminderOffsetsHours,
        studyVisitOffsetsHours: p.studyVisitOffsetsHours,
        createdAt: p.createdAt.toISOString(),
        updatedAt: p.updatedAt.toISOString(),
    };
}
function partJson(part, lang, i18n) {
    return {
        id: part.id,
        programmeId: part.programmeId,
        number: part.number,
        titleLv: part.titleLv,
        titleEn: part.titleEn,
        descriptionLv: part.descriptionLv,
        descriptionEn: part.descriptionEn,
        academicHours: part.academicHours,
        completionRule: {
            minAttendancePercent: part.minAttendancePercent,
            requiresIndependentWork: part.requiresIndependentWork,
            requiresFinalExam: part.requiresFinalExam,
            closesWithSeminar: part.closesWithSeminar,
            /** The rule in words, in the caller's language. */
            description: (0, completion_rule_1.describeCompletionRule)(part, lang, i18n),
        },
    };
}
function indicatorJson({ indicator, value, percent, reached }) {
    return {
        id: indicator.id,
        programmeId: indicator.programmeId,
        nameLv: indicator.nameLv,
        nameEn: indicator.nameEn,
        metric: indicator.metric,
        target: indicator.target,
        position: indicator.position,
        value,
        percent,
        reached,
    };
}
