"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.programmeFooter = programmeFooter;
exports.singleProgrammeFooter = singleProgrammeFooter;
/**
 * The page footer of a programme being viewed: its funding statement and logo, passed as page locals to
 * override the layout's default statement.
 */
function programmeFooter(p) {
    return { fundingStatement: p.fundingStatement, fundingLogo: p.logoKey ? { url: `/programmes/${p.id}/logo`, alt: p.funder } : null };
}
/** The footer when everything on a page belongs to one programme; otherwise the layout's default. */
function singleProgrammeFooter(footers) {
    const ids = new Set(footers.map((f) => f.programmeId));
    if (ids.size !== 1)
        return {};
    const { programmeId: _id, ...footer } = footers[0];
    return footer;
}
