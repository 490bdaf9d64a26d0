import { htmlToText, parseMoodleXml, writeMoodleXml } from './moodle-xml-format';
import type { ImportItem } from './question-import';

/** Shaped like Moodle 4's own export: HTML texts in CDATA, percent fractions, one category element first. */
const EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category>
      <text>$course$/top/Projektu vadība</text>
    </category>
    <info format="html"><text></text></info>
  </question>
<!-- question: 101  -->
  <question type="multichoice">
    <name><text>Projekta fāzes</text></name>
    <questiontext format="html"><text><![CDATA[<p dir="ltr">Kura ir <strong>pirmā</strong> projekta fāze?</p>]]></text></questiontext>
    <generalfeedback format="html"><text></text></generalfeedback>
    <defaultgrade>2.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <single>true</single>
    <shuffleanswers>true</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <answer fraction="100" format="html"><text><![CDATA[<p>Iniciēšana</p>]]></text><feedback format="html"><text>Pareizi.</text></feedback></answer>
    <answer fraction="0" format="html"><text><![CDATA[<p>Noslēgšana</p>]]></text><feedback format="html"><text></text></feedback></answer>
  </question>
  <question type="multichoice">
    <name><text>Ierobežojumi</text></name>
    <questiontext format="html"><text>Izvēlieties visus trīskāršā ierobežojuma elementus.</text></questiontext>
    <defaultgrade>3</defaultgrade>
    <single>false</single>
    <answer fraction="33.33333" format="html"><text>laiks</text></answer>
    <answer fraction="33.33333" format="html"><text>izmaksas</text></answer>
    <answer fraction="33.33334" format="html"><text>apjoms</text></answer>
    <answer fraction="-100" format="html"><text>laikapstākļi</text></answer>
  </question>
  <question type="truefalse">
    <name><text>Risku reģistrs</text></name>
    <questiontext format="html"><text>Risku reģistru atjauno visu projekta laiku.</text></questiontext>
    <defaultgrade>1</defaultgrade>
    <answer fraction="0" format="moodle_auto_format"><text>true</text></answer>
    <answer fraction="100" format="moodle_auto_format"><text>false</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>Līgums</text></name>
    <questiontext format="html"><text>Kā sauc dokumentu starp finansētāju un saņēmēju?</text></questiontext>
    <defaultgrade>1</defaultgrade>
    <usecase>0</usecase>
    <answer fraction="100" format="moodle_auto_format"><text>līgums</text></answer>
    <answer fraction="50" format="moodle_auto_format"><text>vienošanās</text></answer>
  </question>
  <question type="numerical">
    <name><text>Finansējums</text></name>
    <questiontext format="html"><text>Cik procentu finansē ESF?</text></questiontext>
    <defaultgrade>1</defaultgrade>
    <answer fraction="100" format="moodle_auto_format"><text>100</text><tolerance>0.5</tolerance></answer>
  </question>
  <question type="essay">
    <name><text>Komunikācijas plāns</text></name>
    <questiontext format="html"><text>Aprakstiet komunikācijas plānu &amp; tā mērķus.</text></questiontext>
    <defaultgrade>10</defaultgrade>
    <responseformat>editor</responseformat>
    <graderinfo format="html"><text><![CDATA[<p>Jānosauc mērķauditorija un kanāli.</p>]]></text></graderinfo>
  </question>
  <question type="matching">
    <name><text>Jēdzieni</text></name>
    <questiontext format="html"><text>Savienojiet.</text></questiontext>
  </question>
  <question type="multichoice">
    <name><text>Bez pareizās</text></name>
    <questiontext format="html"><text>Nav pareizas atbildes.</text></questiontext>
    <single>true</single>
    <answer fraction="0"><text>a</text></answer>
    <answer fraction="0"><text>b</text></answer>
  </question>
</quiz>
`;

const imported = (items: ImportItem[]) => items.flatMap((i) => (i.outcome === 'imported' ? [i.draft] : []));

describe('reading Moodle XML', () => {
  const items = parseMoodleXml(EXPORT);

  it('reads each question type, refuses the others with the reason, in the order of the file', () => {
    expect(items.map((i) => [i.position, i.name, i.outcome, i.outcome === 'refused' ? i.problems : null])).toEqual([
      [1, 'Projekta fāzes', 'imported', null],
      [2, 'Ierobežojumi', 'imported', null],
      [3, 'Risku reģistrs', 'imported', null],
      [4, 'Līgums', 'imported', null],
      [5, 'Finansējums', 'imported', null],
      [6, 'Komunikācijas plāns', 'imported', null],
      [7, 'Jēdzieni', 'refused', ['unsupported_type']],
      [8, 'Bez pareizās', 'refused', ['no_full_mark']],
    ]);
    expect(items[6]).toMatchObject({ detail: 'matching' });
  });

  it('keeps texts as plain text, points, fractions, feedback and the category', () => {
    const [phases, limits, risk, contract, money, essay] = imported(items);
    expect(phases).toEqual({
      name: 'Projekta fāzes',
      text: 'Kura ir pirmā projekta fāze?',
      points: 2,
      category: 'top/Projektu vadība',
      body: {
        kind: 'single',
        choices: [
          { id: 'c1', text: 'Iniciēšana', fraction: 1, feedback: 'Pareizi.' },
          { id: 'c2', text: 'Noslēgšana', fraction: 0 },
        ],
      },
    });
    expect(limits.body).toMatchObject({ kind: 'multiple', choices: [{ fraction: 0.3333333 }, {}, {}, { fraction: -1 }] });
    expect(risk.body).toEqual({ kind: 'truefalse', correct: false });
    expect(contract.body).toEqual({
      kind: 'short',
      answers: [
        { text: 'līgums', fraction: 1 },
        { text: 'vienošanās', fraction: 0.5 },
      ],
      ignoreDiacritics: false,
    });
    expect(money.body).toEqual({ kind: 'numeric', answers: [{ value: 100, tolerance: 0.5, fraction: 1 }] });
    expect(essay).toMatchObject({
      text: 'Aprakstiet komunikācijas plānu & tā mērķus.',
      points: 10,
      body: { kind: 'essay', guidance: 'Jānosauc mērķauditorija un kanāli.' },
    });
  });

  it('refuses a file with a document type (entity expansion) before parsing it', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><quiz><question type="essay"><name><text>&lol2;</text></name></question></quiz>`;
    expect(() => parseMoodleXml(bomb)).toThrow(expect.objectContaining({ code: 'doctype_refused' }));
    expect(() => parseMoodleXml('<?xml version="1.0"?>\n<!doctype quiz SYSTEM "file:///etc/passwd"><quiz/>')).toThrow(
      expect.objectContaining({ code: 'doctype_refused' }),
    );
  });

  it('refuses broken XML naming the line, another root, an empty quiz and a huge file', () => {
    expect(() => parseMoodleXml('<quiz>\n<question type="essay">\n</quiz>')).toThrow(
      expect.objectContaining({ code: 'not_xml', message: expect.stringContaining('line') }),
    );
    expect(() => parseMoodleXml('<questions/>')).toThrow(expect.objectContaining({ code: 'not_moodle_xml' }));
    expect(() => parseMoodleXml('<quiz></quiz>')).toThrow(expect.objectContaining({ code: 'empty' }));
    expect(() => parseMoodleXml(`<quiz>${' '.repeat(5 * 1024 * 1024)}</quiz>`)).toThrow(expect.objectContaining({ code: 'too_large' }));
  });
});

describe('writing Moodle XML', () => {
  it('reads back what it wrote, special characters and the diacritics choice included', () => {
    const drafts = imported(parseMoodleXml(EXPORT));
    drafts.push({
      name: 'Zīmes <&> "',
      text: 'a < b & c',
      points: 1,
      body: { kind: 'short', answers: [{ text: 'Rīga', fraction: 1 }], ignoreDiacritics: true },
    });
    const again = imported(parseMoodleXml(writeMoodleXml(drafts)));
    expect(again).toEqual(drafts.map((d) => ({ ...d, category: d.category ?? 'top/Projektu vadība' })));
  });
});

describe('HTML to text', () => {
  it('keeps paragraphs and line breaks, decodes entities, drops tags', () => {
    expect(htmlToText('<p>Pirmā&nbsp;rinda<br/>otrā</p><p>Trešā &#257; &#x101; &lt;b&gt;</p>')).toBe('Pirmā rinda\notrā\n\nTrešā ā ā <b>');
  });
});
