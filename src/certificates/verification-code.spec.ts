import { CODE_LENGTH, groupCode, newVerificationCode, normalizeCode } from './verification-code';

describe('verification codes', () => {
  it('are 16 characters of Crockford base32, different each time', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newVerificationCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(CODE_LENGTH * 5).toBeGreaterThanOrEqual(80);
  });

  it('use every character of the alphabet in every position over many codes', () => {
    const seen = Array.from({ length: CODE_LENGTH }, () => new Set<string>());
    for (let i = 0; i < 3000; i++) [...newVerificationCode()].forEach((char, position) => seen[position].add(char));
    expect(seen.map((set) => set.size)).toEqual(Array(CODE_LENGTH).fill(32));
  });

  it('are printed in groups of four and read back however they were typed', () => {
    expect(groupCode('7KQ2M9XD4TPVHC3R')).toBe('7KQ2-M9XD-4TPV-HC3R');
    expect(normalizeCode('7kq2-m9xd-4tpv-hc3r')).toBe('7KQ2M9XD4TPVHC3R');
    expect(normalizeCode(' 7KQ2 M9XD 4TPV HC3R ')).toBe('7KQ2M9XD4TPVHC3R');
    expect(normalizeCode('OIL2-M9XD-4TPV-HC3R')).toBe('0112M9XD4TPVHC3R');
  });

  it('refuse what cannot be a code', () => {
    expect(normalizeCode('')).toBeNull();
    expect(normalizeCode('7KQ2-M9XD-4TPV')).toBeNull();
    expect(normalizeCode('7KQ2-M9XD-4TPV-HC3U')).toBeNull();
    expect(normalizeCode('7KQ2-M9XD-4TPV-HC3R-0')).toBeNull();
    expect(normalizeCode("' OR 1=1 --")).toBeNull();
  });
});
