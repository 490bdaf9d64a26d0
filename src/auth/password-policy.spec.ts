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

describe('password policy at its limits', () => {
  it('accepts exactly 8 characters and refuses 7, counting characters rather than bytes', () => {
    expect(checkPassword('Rēzekne8')).toBeNull();
    expect(checkPassword('Rēzekne')?.code).toBe('tooSmall.string');
  });

  it('accepts 200 characters and refuses 201, naming the maximum', () => {
    expect(checkPassword('ž'.repeat(200))).toBeNull();
    expect(checkPassword('ž'.repeat(201))).toEqual({ field: 'password', code: 'tooBig.string', params: { max: 200, count: 200 } });
  });

  it('accepts a password unlike the email it is given with', () => {
    expect(checkPassword('Daugavpils rudenī 2012', 'anna.berzina@daugavpils.lv')).toBeNull();
    expect(checkPassword('anna.berzina.daugavpils', 'anna.berzina@daugavpils.lv')).toBeNull();
  });

  it('refuses the part of the email before the @ whatever its case', () => {
    expect(checkPassword('ANNA.berzina', 'anna.berzina@daugavpils.lv')).toEqual({ field: 'password', code: 'passwordIsEmail' });
  });

  it('refuses each word of the common-passwords list exactly, and no password merely containing one', () => {
    expect(checkPassword('password1')).toEqual({ field: 'password', code: 'passwordCommon' });
    expect(checkPassword('password1 ar garumzīmēm')).toBeNull();
  });

  it('names the field it is given', () => {
    expect(checkPassword('Abc!12', undefined, 'newPassword')?.field).toBe('newPassword');
    expect(checkPassword('password1', undefined, 'newPassword')?.field).toBe('newPassword');
    expect(checkPassword('anna.berzina', 'anna.berzina@daugavpils.lv', 'newPassword')?.field).toBe('newPassword');
  });
});
