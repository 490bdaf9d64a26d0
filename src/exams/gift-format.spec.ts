import { parseGift, writeGift } from './gift-format';
import { ImportFileError } from './question-import';

const BANK = `// Projektu vadība, 1. daļa
$CATEGORY: $course$/Top/Projektu vadība/Plānošana

::Ganta diagramma:: Ko attēlo Ganta diagramma? {
  =Darbu laika grafiku#Pareizi.
  ~%50%Darbu secību
  ~Projekta budžetu#Nē.
}

::Ierobežojumi:: Kuri ir projekta trīskāršā ierobežojuma elementi? {~%50%laiks ~%50%izmaksas ~%-100%laikapstākļi}

::Risks:: Risku reģistrs jāatjauno visa projekta laikā. {TRUE}

::Dokuments:: Kā sauc dokumentu, ko paraksta finansētājs un finansējuma saņēmējs? {=līgums =%50%vienošanās}

::Procenti:: Cik procentu finansē ESF? {#100:0}

::Diapazons:: Cik mēnešu ilga 1. daļa? {#3..5}

::Eseja:: Aprakstiet sava projekta komunikācijas plānu. {}

::Pāri:: Savienojiet jēdzienus. {=WBS -> darbu sadalījums =PERT -> tīkla grafiks}
`;

describe('reading GIFT', () => {
  const items = parseGift(BANK);

  it('reads every supported type with its category, in order', () => {
    expect(items.map((i) => [i.position, i.name, i.outcome])).toEqual([
      [1, 'Ganta diagramma', 'imported'],
      [2, 'Ierobežojumi', 'imported'],
      [3, 'Risks', 'imported'],
      [4, 'Dokuments', 'imported'],
      [5, 'Procenti', 'imported'],
      [6, 'Diapazons', 'imported'],
      [7, 'Eseja', 'imported'],
      [8, 'Pāri', 'refused'],
    ]);
    const drafts = items.flatMap((i) => (i.outcome === 'imported' ? [i.draft] : []));
    expect(new Set(drafts.map((d) => d.category))).toEqual(new Set(['Top/Projektu vadība/Plānošana']));
    expect(drafts.map((d) => d.body.kind)).toEqual(['single', 'multiple', 'truefalse', 'short', 'numeric', 'numeric', 'essay']);
  });

  it('keeps weights and feedback of choices', () => {
    const first = items[0];
    expect(first.outcome === 'imported' && first.draft).toMatchObject({
      text: 'Ko attēlo Ganta diagramma?',
      body: {
        kind: 'single',
        choices: [
          { text: 'Darbu laika grafiku', fraction: 1, feedback: 'Pareizi.' },
          { text: 'Darbu secību', fraction: 0.5 },
          { text: 'Projekta budžetu', fraction: 0, feedback: 'Nē.' },
        ],
      },
    });
    const second = items[1];
    expect(second.outcome === 'imported' && second.draft.body).toEqual({
      kind: 'multiple',
      choices: [
        { id: 'c1', text: 'laiks', fraction: 0.5 },
        { id: 'c2', text: 'izmaksas', fraction: 0.5 },
        { id: 'c3', text: 'laikapstākļi', fraction: -1 },
      ],
    });
  });

  it('reads numbers with a tolerance and as a range', () => {
    expect(items[4].outcome === 'imported' && items[4].draft.body).toEqual({
      kind: 'numeric',
      answers: [{ value: 100, tolerance: 0, fraction: 1 }],
    });
    expect(items[5].outcome === 'imported' && items[5].draft.body).toEqual({
      kind: 'numeric',
      answers: [{ value: 4, tolerance: 1, fraction: 1 }],
    });
  });

  it('refuses matching questions, naming the type', () => {
    expect(items[7]).toMatchObject({ outcome: 'refused', problems: ['unsupported_type'], detail: 'matching' });
  });

  it('keeps escaped special characters in texts', () => {
    const [item] = parseGift('::Kols\\: tests:: Vai 2 \\= 2 \\{ \\} {=jā \\~ tā ir}');
    expect(item).toMatchObject({
      name: 'Kols: tests',
      outcome: 'imported',
      draft: { text: 'Vai 2 = 2 { }', body: { answers: [{ text: 'jā ~ tā ir' }] } },
    });
  });

  it('turns a missing word into a blank in the text', () => {
    const [item] = parseGift('Projekta vadītājs atbild par {=projekta plānu} un tā izpildi.');
    expect(item).toMatchObject({
      name: 'Projekta vadītājs atbild par _____ un tā izpildi.',
      draft: { text: 'Projekta vadītājs atbild par _____ un tā izpildi.' },
    });
  });

  it('refuses a question with no answer block or no full-mark answer, and the rest still come in', () => {
    const report = parseGift('::A:: bez atbildēm\n\n::B:: Viena pareiza {~a ~b}\n\n::C:: Labi {T}');
    expect(report.map((i) => [i.name, i.outcome, i.outcome === 'refused' ? i.problems : []])).toEqual([
      ['A', 'refused', ['syntax']],
      ['B', 'refused', ['multiple_fractions_not_whole']],
      ['C', 'imported', []],
    ]);
  });

  it('refuses an empty file and one over the size limit', () => {
    expect(() => parseGift('// tikai komentārs\n')).toThrow(ImportFileError);
    expect(() => parseGift('x'.repeat(5 * 1024 * 1024 + 1))).toThrow(expect.objectContaining({ code: 'too_large' }));
  });
});

describe('writing GIFT', () => {
  it('reads back what it wrote', () => {
    const drafts = parseGift(BANK).flatMap((i) => (i.outcome === 'imported' ? [i.draft] : []));
    const again = parseGift(writeGift(drafts)).flatMap((i) => (i.outcome === 'imported' ? [i.draft] : []));
    expect(again).toEqual(drafts);
  });

  it('escapes special characters and line breaks', () => {
    const text = writeGift([{ name: 'a:b', text: 'x = {y}\notra rinda', points: 1, body: { kind: 'essay', guidance: '' } }]);
    expect(text).toContain('::a\\:b:: x \\= \\{y\\}\\notra rinda {}');
    expect(parseGift(text)[0]).toMatchObject({ name: 'a:b', draft: { text: 'x = {y}\notra rinda' } });
  });
});
