import { countEvidence, indicatorStatus, percentOfTarget } from './indicator-rules';

describe('indicator rules', () => {
  it('says an indicator is met at its target, on track when what is to come would reach it, at risk otherwise', () => {
    expect(indicatorStatus(7, 7, 0)).toBe('met');
    expect(indicatorStatus(7, 9, 0)).toBe('met');
    expect(indicatorStatus(7, 5, 2)).toBe('on_track');
    expect(indicatorStatus(7, 5, 1)).toBe('at_risk');
    expect(indicatorStatus(7, 0, 0)).toBe('at_risk');
    expect(indicatorStatus(0, 0, 0)).toBe('met');
  });

  it('gives the share of the target reached, rounded down and at most 100', () => {
    expect(percentOfTarget(2, 3)).toBe(66);
    expect(percentOfTarget(20, 7)).toBe(100);
    expect(percentOfTarget(0, 0)).toBe(100);
  });

  it('adds up each list, a cohort’s free places counting as places', () => {
    expect(
      countEvidence([
        { state: 'counted', amount: 1 },
        { state: 'counted', amount: 1 },
        { state: 'to_come', amount: 9 },
        { state: 'not_counted', amount: 1 },
      ]),
    ).toEqual({ value: 2, toCome: 9, notCounted: 1 });
  });
});
