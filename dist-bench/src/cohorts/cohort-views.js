"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cohortView = cohortView;
exports.enrolmentView = enrolmentView;
exports.enrolmentPageView = enrolmentPageView;
const localized_1 = require("../programmes/localized");
const programme_footer_1 = require("../programmes/programme-footer");
/** A cohort as pages and the API show it: titles in the reader's language, places counted. */
function cohortView(cohort, lang) {
    const part = cohort.part;
    const programme = part.programme;
    return {
        id: cohort.id,
        name: cohort.name,
        startsOn: cohort.startsOn,
        endsOn: cohort.endsOn,
        capacity: cohort.capacity,
        taken: cohort.taken ?? 0,
        waiting: cohort.waiting ?? 0,
        free: Math.max(0, cohort.capacity - (cohort.taken ?? 0)),
        part: { id: part.id, number: part.number, title: (0, localized_1.localized)(lang, part.titleLv, part.titleEn) },
        programme: { id: programme.id, title: (0, localized_1.localized)(lang, programme.titleLv, programme.titleEn) },
        /** For the page footer. */
        footer: { programmeId: programme.id, ...(0, programme_footer_1.programmeFooter)(programme) },
        instructors: (cohort.instructors ?? []).map((u) => ({ id: u.id, name: u.name, email: u.email })),
    };
}
function enrolmentView(e) {
    return {
        id: e.id,
        cohortId: e.cohortId,
        status: e.status,
        position: e.position ?? null,
        waitlistedAt: e.waitlistedAt?.toISOString() ?? null,
        enrolledAt: e.enrolledAt?.toISOString() ?? null,
        withdrawnAt: e.withdrawnAt?.toISOString() ?? null,
        withdrawalReason: e.withdrawalReason,
        trainee: e.user ? { id: e.user.id, name: e.user.name, email: e.user.email, department: e.user.department } : undefined,
    };
}
/** For pages: the enrolment with the locale key of its status. */
function enrolmentPageView(e) {
    return { ...enrolmentView(e), statusKey: `cohorts.status.${e.status}` };
}
