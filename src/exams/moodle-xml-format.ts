import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Choice, QuestionBody, QuestionDraft } from './question-body';
import { type ImportItem, ImportFileError, MAX_IMPORT_BYTES, fractionFromPercent, importItem, nameFromText } from './question-import';

type XmlText = string | { text?: unknown; '@_format'?: string } | undefined;
type XmlAnswer = { '@_fraction'?: string; text?: unknown; feedback?: XmlText; tolerance?: unknown };
type XmlQuestion = {
  '@_type'?: string;
  name?: XmlText;
  questiontext?: XmlText;
  generalfeedback?: XmlText;
  defaultgrade?: unknown;
  single?: unknown;
  usecase?: unknown;
  ignorediacritics?: unknown;
  graderinfo?: XmlText;
  answer?: XmlAnswer[];
  category?: XmlText;
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => name === 'question' || name === 'answer',
});

const UNSUPPORTED = new Set([
  'matching',
  'multianswer',
  'calculated',
  'calculatedsimple',
  'calculatedmulti',
  'ddwtos',
  'gapselect',
  'ddimageortext',
  'ddmarker',
  'randomsamatch',
  'random',
  'description',
  'ordering',
]);

/**
 * Reads a Moodle XML question export. A file with a document type declaration is refused before it is parsed
 * (Moodle never writes one, and it is how entity-expansion attacks arrive); a file that is not well-formed XML,
 * or not a `<quiz>`, is refused whole. Each question is then imported or refused on its own, with its reason.
 */
export function parseMoodleXml(source: string): ImportItem[] {
  if (Buffer.byteLength(source) > MAX_IMPORT_BYTES) throw new ImportFileError('too_large');
  const xml = source.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new ImportFileError('doctype_refused');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ImportFileError('not_xml', `line ${valid.err.line}: ${valid.err.msg}`);
  const document = parser.parse(xml) as { quiz?: { question?: XmlQuestion[] } | string };
  if (document.quiz === undefined) throw new ImportFileError('not_moodle_xml');
  const questions = typeof document.quiz === 'object' ? (document.quiz.question ?? []) : [];
  const items: ImportItem[] = [];
  let category: string | undefined;
  for (const question of questions) {
    const type = question['@_type'] ?? '';
    if (type === 'category') {
      category =
        textOf(question.category)
          .trim()
          .replace(/^\$(course|system|cat\d*|module)\$\//, '') || undefined;
      continue;
    }
    items.push(readQuestion(question, type, items.length + 1, category));
  }
  if (!items.length) throw new ImportFileError('empty');
  return items;
}

function readQuestion(question: XmlQuestion, type: string, position: number, category: string | undefined): ImportItem {
  const text = htmlToText(textOf(question.questiontext));
  const name = textOf(question.name).trim() || nameFromText(text);
  const body = bodyOf(question, type);
  if (!body) return { position, name, outcome: 'refused', problems: ['unsupported_type'], detail: type || 'no type' };
  const points = question.defaultgrade === undefined ? 1 : Number(String(question.defaultgrade));
  const generalFeedback = htmlToText(textOf(question.generalfeedback));
  const draft: QuestionDraft = { name, text, points, body, category, ...(generalFeedback ? { generalFeedback } : {}) };
  return importItem(position, draft);
}

function bodyOf(question: XmlQuestion, type: string): QuestionBody | null {
  if (UNSUPPORTED.has(type)) return null;
  const answers = question.answer ?? [];
  const fraction = (a: XmlAnswer) => fractionFromPercent(Number(a['@_fraction'] ?? 0));
  switch (type) {
    case 'multichoice': {
      const choices: Choice[] = answers.map((a, i) => {
        const feedback = htmlToText(textOf(a.feedback));
        return { id: `c${i + 1}`, text: htmlToText(textOf(a)), fraction: fraction(a), ...(feedback ? { feedback } : {}) };
      });
      return { kind: String(question.single ?? 'true').trim() === 'false' ? 'multiple' : 'single', choices };
    }
    case 'truefalse': {
      const right = answers.find((a) => fraction(a) === 1);
      return { kind: 'truefalse', correct: textOf(right).trim().toLowerCase() === 'true' };
    }
    case 'shortanswer':
      return {
        kind: 'short',
        answers: answers.map((a) => ({ text: htmlToText(textOf(a)), fraction: fraction(a) })),
        ignoreDiacritics: String(question.ignorediacritics ?? '0').trim() === '1',
      };
    case 'numerical':
      return {
        kind: 'numeric',
        answers: answers.map((a) => ({
          value: Number(textOf(a).trim()),
          tolerance: Number(String(a.tolerance ?? 0)),
          fraction: fraction(a),
        })),
      };
    case 'essay':
      return { kind: 'essay', guidance: htmlToText(textOf(question.graderinfo)) };
    default:
      return null;
  }
}

function textOf(node: XmlText | XmlAnswer | unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && 'text' in node) return textOf((node as { text: unknown }).text);
  return '';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Moodle keeps question texts as HTML; the platform keeps plain text (Markdown): tags go, paragraphs stay. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
      if (code[0] === '#') {
        const point = code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : '';
      }
      return ENTITIES[code.toLowerCase()] ?? entity;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Writes drafts as a Moodle XML export (texts in Markdown format), one category element before each category's questions. */
export function writeMoodleXml(drafts: readonly QuestionDraft[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  let category: string | undefined;
  for (const draft of drafts) {
    if (draft.category && draft.category !== category) {
      category = draft.category;
      out.push('  <question type="category">', `    <category><text>$course$/${xml(category)}</text></category>`, '  </question>');
    }
    out.push(...questionXml(draft).map((line) => `  ${line}`));
  }
  out.push('</quiz>', '');
  return out.join('\n');
}

function questionXml(draft: QuestionDraft): string[] {
  const body = draft.body;
  const type = {
    single: 'multichoice',
    multiple: 'multichoice',
    truefalse: 'truefalse',
    short: 'shortanswer',
    numeric: 'numerical',
    essay: 'essay',
  }[body.kind];
  const lines = [
    `<question type="${type}">`,
    `  <name><text>${xml(draft.name)}</text></name>`,
    `  <questiontext format="markdown"><text>${xml(draft.text)}</text></questiontext>`,
    `  <generalfeedback format="markdown"><text>${xml(draft.generalFeedback ?? '')}</text></generalfeedback>`,
    `  <defaultgrade>${draft.points}</defaultgrade>`,
  ];
  const answer = (fraction: number, text: string, extra = '') =>
    `  <answer fraction="${round(fraction * 100)}" format="plain_text"><text>${xml(text)}</text>${extra}</answer>`;
  switch (body.kind) {
    case 'single':
    case 'multiple':
      lines.push(`  <single>${body.kind === 'single'}</single>`, '  <shuffleanswers>1</shuffleanswers>');
      lines.push(
        ...body.choices.map((c) =>
          answer(c.fraction, c.text, `<feedback format="plain_text"><text>${xml(c.feedback ?? '')}</text></feedback>`),
        ),
      );
      break;
    case 'truefalse':
      lines.push(answer(body.correct ? 1 : 0, 'true'), answer(body.correct ? 0 : 1, 'false'));
      break;
    case 'short':
      // Moodle ignores an element it does not know, so the diacritics choice survives a round trip through it.
      lines.push(
        '  <usecase>0</usecase>',
        `  <ignorediacritics>${body.ignoreDiacritics ? 1 : 0}</ignorediacritics>`,
        ...body.answers.map((a) => answer(a.fraction, a.text)),
      );
      break;
    case 'numeric':
      lines.push(...body.answers.map((a) => answer(a.fraction, String(a.value), `<tolerance>${a.tolerance}</tolerance>`)));
      break;
    case 'essay':
      lines.push(
        '  <responseformat>plain</responseformat>',
        `  <graderinfo format="markdown"><text>${xml(body.guidance)}</text></graderinfo>`,
      );
      break;
  }
  lines.push('</question>');
  return lines;
}

const round = (value: number) => Math.round(value * 100000) / 100000;
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
