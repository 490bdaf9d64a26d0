import { sessionState } from './session-state';

const endsAt = new Date('2026-12-14T12:00:00Z');

describe('sessionState', () => {
  it('is planned until the session ends, then held', () => {
    expect(sessionState({ status: 'scheduled', endsAt }, new Date('2026-12-14T11:59:59.999Z'))).toBe('planned');
    expect(sessionState({ status: 'scheduled', endsAt }, endsAt)).toBe('held');
    expect(sessionState({ status: 'scheduled', endsAt }, new Date('2027-01-01T00:00:00Z'))).toBe('held');
  });

  it('stays cancelled before and after its time', () => {
    expect(sessionState({ status: 'cancelled', endsAt }, new Date('2026-12-01T00:00:00Z'))).toBe('cancelled');
    expect(sessionState({ status: 'cancelled', endsAt }, new Date('2027-01-01T00:00:00Z'))).toBe('cancelled');
  });
});
