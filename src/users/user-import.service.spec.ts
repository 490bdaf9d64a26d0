import { ValidationFailedError } from '../common/errors';
import { userRowsFromCsv } from './user-import.service';

describe('reading users from CSV', () => {
  it('numbers rows by their line in the file and splits the roles cell', () => {
    const rows = userRowsFromCsv(
      'name,email,roles,department,language\nAnna,anna@x.lv,Trainee|INSTRUCTOR,,EN\n\nJānis,janis@x.lv,trainee; admin ,Nodaļa,\n',
    );
    expect(rows.map((r) => [r.row, r.input])).toEqual([
      [2, { name: 'Anna', email: 'anna@x.lv', roles: ['trainee', 'instructor'], department: '', language: 'en' }],
      [4, { name: 'Jānis', email: 'janis@x.lv', roles: ['trainee', 'admin'], department: 'Nodaļa', language: undefined }],
    ]);
  });

  it('reads semicolon files with a byte-order mark, and roles separated by spaces or commas', () => {
    const rows = userRowsFromCsv(Buffer.from('\uFEFFname;email;roles\n"Bērziņa, Anna";anna@x.lv;trainee instructor,admin\n', 'utf8'));
    expect(rows[0].input).toMatchObject({ name: 'Bērziņa, Anna', roles: ['trainee', 'instructor', 'admin'] });
  });

  it('names the field the file came in when the columns are wrong', () => {
    expect.assertions(2);
    try {
      userRowsFromCsv('name,email\nAnna,anna@x.lv\n', 'file');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailedError);
      expect((error as ValidationFailedError).fieldErrors).toEqual([
        { field: 'file', code: 'csv.missingColumns', params: { columns: 'roles' } },
      ]);
    }
  });
});
