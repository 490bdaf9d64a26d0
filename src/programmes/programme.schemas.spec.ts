import { ValidationFailedError } from '../common/errors';
import { parseWith } from '../common/zod-validation.pipe';
import { partSchema, programmeSchema } from './programme.schemas';

const programme = {
  titleLv: 'Kursu cikla programma',
  projectTitle: 'Daugavpils pašvaldības kapacitātes stiprināšana',
  agreementNumber: '1DP/1.5.2.2.3/11/APIA/SIF/110/71',
  funder: 'Eiropas Sociālais fonds',
  cofinancingPercent: '85,5',
  partners: 'Latgales plānošanas reģions\r\n\r\nValmieras pašvaldība\n',
  fundingStatement: 'Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu.',
};

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.fieldErrors.map((e) => `${e.field}:${e.code}`);
    throw error;
  }
  return [];
}

describe('programme input', () => {
  it('reads a form: a decimal comma, one partner a line, reminder hours separated by commas', () => {
    expect(parseWith(programmeSchema, { ...programme, reminderOffsetsHours: '72, 24' })).toMatchObject({
      cofinancingPercent: 85.5,
      partners: ['Latgales plānošanas reģions', 'Valmieras pašvaldība'],
      reminderOffsetsHours: [72, 24],
      status: 'draft',
      descriptionLv: '',
    });
  });

  it('leaves reminder hours alone when they are not sent, but refuses an empty list', () => {
    expect(parseWith(programmeSchema, programme).reminderOffsetsHours).toBeUndefined();
    expect(fieldsOf(() => parseWith(programmeSchema, { ...programme, studyVisitOffsetsHours: [] }))).toEqual([
      'studyVisitOffsetsHours:tooSmall.array',
    ]);
  });

  it('refuses a share above 100 % and more than two decimals', () => {
    expect(fieldsOf(() => parseWith(programmeSchema, { ...programme, cofinancingPercent: 100.5 }))).toEqual([
      'cofinancingPercent:tooBig.number',
    ]);
    expect(fieldsOf(() => parseWith(programmeSchema, { ...programme, cofinancingPercent: '33.333' }))).toEqual([
      'cofinancingPercent:invalid',
    ]);
  });
});

describe('part input', () => {
  it('treats empty number fields as missing, not zero, and unticked boxes as no', () => {
    expect(fieldsOf(() => parseWith(partSchema, { titleLv: 'Projektu vadība', academicHours: '', minAttendancePercent: '75' }))).toEqual([
      'academicHours:required',
    ]);
    expect(
      parseWith(partSchema, {
        titleLv: 'Projektu vadība',
        number: '',
        academicHours: '80',
        minAttendancePercent: '75',
        requiresFinalExam: 'on',
      }),
    ).toMatchObject({
      number: undefined,
      academicHours: 80,
      requiresFinalExam: true,
      requiresIndependentWork: false,
    });
  });
});
