import type { Programme } from './programme.entity';

export interface ProgrammeFooter {
  fundingStatement: string;
  fundingLogo: { url: string; alt: string } | null;
}

/**
 * The page footer of a programme being viewed: its funding statement and logo, passed as page locals to
 * override the layout's default statement.
 */
export function programmeFooter(p: Pick<Programme, 'id' | 'fundingStatement' | 'logoKey' | 'funder'>): ProgrammeFooter {
  return { fundingStatement: p.fundingStatement, fundingLogo: p.logoKey ? { url: `/programmes/${p.id}/logo`, alt: p.funder } : null };
}

/** The footer when everything on a page belongs to one programme; otherwise the layout's default. */
export function singleProgrammeFooter(footers: (ProgrammeFooter & { programmeId: string })[]): Partial<ProgrammeFooter> {
  const ids = new Set(footers.map((f) => f.programmeId));
  if (ids.size !== 1) return {};
  const { programmeId: _id, ...footer } = footers[0];
  return footer;
}
