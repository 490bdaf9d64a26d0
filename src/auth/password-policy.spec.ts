import { checkPassword } from './password-policy';

describe('password policy', () => {
  it('accepts a long passphrase', () => {
    expect(checkPassword('Daugavpils rudenī 2012')).toBeNull();
  });

  it('refuses fewer than 8 characters, naming the minimum', () => {
    expect(checkPassword('Abc!12')).toEqual({ field: 'password', code: 'tooSmall.string', params: { min: 8, count: 8 } });
  });

  it('refuses the most common passwords whatever their case', () => {
    expect(checkPassword('Password123')?.code).toBe('passwordCommon');
    expect(checkPassword('parole123')?.code).toBe('passwordCommon');
  });

  it('refuses the email as password', () => {
    expect(checkPassword('anna.berzina@daugavpils.lv', 'Anna.Berzina@daugavpils.lv')?.code).toBe('passwordIsEmail');
  });
});
