import type { Choice, QuestionBody, QuestionDraft } from './question-body';
import { type ImportItem, ImportFileError, MAX_IMPORT_BYTES, fractionFromPercent, importItem, nameFromText } from './question-import';

/**
 * Reads questions in GIFT, the plain-text format Moodle reads and writes: `::name:: text {answers}`, one question
 * per paragraph, `$CATEGORY:` lines, `//` comments and `\` escapes. Matching questions are refused (the platform
 * has no such type); every other question is checked as if an author had typed it.
 */
export function parseGift(source: string): ImportItem[] {
  if (Buffer.byteLength(source) > MAX_IMPORT_BYTES) throw new ImportFileError('too_large');
  const escaped = hideEscapes(source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const items: ImportItem[] = [];
  let category: string | undefined;
  for (const block of paragraphs(escaped)) {
    const categoryLine = /^\$CATEGORY:\s*(.+)$/m.exec(block);
    if (categoryLine) {
      category = reveal(categoryLine[1])
        .trim()
        .replace(/^\$(course|system|cat\d*)\$\//, '');
      const rest = block.replace(categoryLine[0], '').trim();
      if (!rest) continue;
    }
    items.push(parseQuestion(block.replace(/^\$CATEGORY:.*$/m, '').trim(), items.length + 1, category));
  }
  if (!items.length) throw new ImportFileError('empty');
  return items;
}

function parseQuestion(block: string, position: number, category: string | undefined): ImportItem {
  const titled = /^::([^]*?)::\s*/.exec(block);
  const title = titled ? reveal(titled[1]).trim() : '';
  const afterTitle = (titled ? block.slice(titled[0].length) : block).replace(/^\[(html|moodle|plain|markdown)\]\s*/, '');
  const open = afterTitle.indexOf('{');
  const close = afterTitle.lastIndexOf('}');
  const fallbackName = title || nameFromText(reveal(afterTitle.replace(/\{[^]*$/, '')));
  if (open < 0 || close < open)
    return { position, name: fallbackName, outcome: 'refused', problems: ['syntax'], detail: 'no {…} answer block' };
  const before = afterTitle.slice(0, open).trim();
  const after = afterTitle.slice(close + 1).trim();
  const text = reveal(after ? `${before} _____ ${after}` : before);
  const name = title || nameFromText(text);
  const body = bodyOf(afterTitle.slice(open + 1, close).trim());
  if (!body) return { position, name, outcome: 'refused', problems: ['unsupported_type'], detail: 'matching' };
  if (body === 'syntax') return { position, name, outcome: 'refused', problems: ['syntax'] };
  const draft: QuestionDraft = { name, text, points: 1, body, category };
  return importItem(position, draft);
}

function bodyOf(answers: string): QuestionBody | 'syntax' | null {
  if (!answers) return { kind: 'essay', guidance: '' };
  const truth = /^(T|TRUE|F|FALSE)\s*(#.*)?$/s.exec(answers);
  if (truth) return { kind: 'truefalse', correct: truth[1].startsWith('T') };
  if (answers.startsWith('#')) return numericBody(answers.slice(1).trim());
  const parts = splitAnswers(answers);
  if (!parts.length) return 'syntax';
  if (parts.some((p) => p.sign === '=' && p.text.includes('->'))) return null;
  const choices: Choice[] = parts.map((p, i) => ({
    id: `c${i + 1}`,
    text: p.text,
    fraction: p.weight ?? (p.sign === '=' ? 1 : 0),
    ...(p.feedback ? { feedback: p.feedback } : {}),
  }));
  if (parts.every((p) => p.sign === '=')) {
    return { kind: 'short', answers: choices.map((c) => ({ text: c.text, fraction: c.fraction })), ignoreDiacritics: false };
  }
  const rightChoices = choices.filter((c) => c.fraction > 0).length;
  const multiple = !parts.some((p) => p.sign === '=') || (rightChoices > 1 && !choices.some((c) => c.fraction === 1));
  return { kind: multiple ? 'multiple' : 'single', choices };
}

function numericBody(spec: string): QuestionBody | 'syntax' {
  const parts = spec.startsWith('=')
    ? splitAnswers(spec)
    : [{ sign: '=' as const, weight: undefined, text: spec.split('#')[0].trim(), feedback: '' }];
  const answers = [];
  for (const part of parts) {
    const range = /^(-?[\d.]+)\.\.(-?[\d.]+)$/.exec(part.text);
    const point = /^(-?[\d.]+)(?::([\d.]+))?$/.exec(part.text);
    if (range) {
      const [low, high] = [Number(range[1]), Number(range[2])];
      answers.push({ value: (low + high) / 2, tolerance: Math.abs(high - low) / 2, fraction: part.weight ?? 1 });
    } else if (point) {
      answers.push({ value: Number(point[1]), tolerance: Number(point[2] ?? 0), fraction: part.weight ?? 1 });
    } else {
      return 'syntax';
    }
  }
  return { kind: 'numeric', answers };
}

interface AnswerPart {
  sign: '=' | '~';
  weight: number | undefined;
  text: string;
  feedback: string;
}

/** `=right#why ~%50%half ~wrong` → its answers; weights are percentages. */
function splitAnswers(answers: string): AnswerPart[] {
  const parts: AnswerPart[] = [];
  for (const match of answers.matchAll(/([=~])([^=~]*)/g)) {
    let text = match[2];
    let weight: number | undefined;
    const weighted = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(text);
    if (weighted) {
      weight = fractionFromPercent(Number(weighted[1]));
      text = text.slice(weighted[0].length);
    }
    const hash = text.indexOf('#');
    const feedback = hash >= 0 ? reveal(text.slice(hash + 1)).trim() : '';
    parts.push({ sign: match[1] as '=' | '~', weight, text: reveal(hash >= 0 ? text.slice(0, hash) : text).trim(), feedback });
  }
  return parts;
}

const ESCAPABLE = ['~', '=', '#', '{', '}', ':', '\\', 'n'];
const REVEALED = [...ESCAPABLE.slice(0, -1), '\n'];
const PLACEHOLDER_BASE = 0xe000;

/** Escaped characters become private-use characters while the structure is read, and come back in the texts. */
function hideEscapes(source: string): string {
  return source.replace(/\\([~=#{}:\\n])/g, (_m, ch: string) => String.fromCharCode(PLACEHOLDER_BASE + ESCAPABLE.indexOf(ch)));
}

function reveal(text: string): string {
  return text.replace(/[\ue000-\ue007]/g, (ch) => REVEALED[ch.charCodeAt(0) - PLACEHOLDER_BASE]);
}

/** Questions are separated by blank lines; comment lines are dropped first. */
function paragraphs(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => !/^\s*\/\//.test(line))
    .join('\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
}

/** Writes drafts as GIFT, so a bank can leave the platform in the format it arrived in. */
export function writeGift(drafts: readonly QuestionDraft[]): string {
  const lines: string[] = [];
  let category: string | undefined;
  for (const draft of drafts) {
    if (draft.category && draft.category !== category) {
      category = draft.category;
      lines.push(`$CATEGORY: ${category}`, '');
    }
    lines.push(`::${escape(draft.name)}:: ${escape(draft.text)} {${giftAnswers(draft.body)}}`, '');
  }
  return lines.join('\n');
}

function giftAnswers(body: QuestionBody): string {
  const percent = (fraction: number) => `%${Math.round(fraction * 100000) / 1000}%`;
  switch (body.kind) {
    case 'essay':
      return '';
    case 'truefalse':
      return body.correct ? 'TRUE' : 'FALSE';
    case 'numeric':
      return `#${body.answers.map((a) => `=${a.fraction === 1 ? '' : percent(a.fraction)}${a.value}:${a.tolerance}`).join(' ')}`;
    case 'short':
      return body.answers.map((a) => `=${a.fraction === 1 ? '' : percent(a.fraction)}${escape(a.text)}`).join(' ');
    case 'single':
      return body.choices.map((c) => `${c.fraction === 1 ? '=' : `~${c.fraction ? percent(c.fraction) : ''}`}${choiceText(c)}`).join(' ');
    case 'multiple':
      return body.choices.map((c) => `~${percent(c.fraction)}${choiceText(c)}`).join(' ');
  }
}

const choiceText = (choice: Choice) => `${escape(choice.text)}${choice.feedback ? `#${escape(choice.feedback)}` : ''}`;
const escape = (text: string) => text.replace(/[~=#{}:\\]/g, (ch) => `\\${ch}`).replace(/\n/g, '\\n');
