/**
 * The serial number format an administrator sets per programme, e.g. `DPD-{YYYY}/{NNNN}`: fixed text, the year
 * of issue (`{YYYY}`, once) and the running number (`{N…}`, once, 3–8 N: the number padded to that many digits,
 * growing past them when it must). Counters run per programme and year, so the year keeps serials unique.
 */
const TOKEN = /\{([A-Z]+)\}/g;
const FIXED_TEXT = /^[A-Za-z0-9 ./_-]*$/;
export const SERIAL_FORMAT_MAX_LENGTH = 40;

/** Why a format is refused; each is a key under `validation.serialFormat.` in the locale files. */
export type SerialFormatProblem = 'tooLong' | 'characters' | 'unknownToken' | 'year' | 'number';

export function serialFormatProblem(format: string): SerialFormatProblem | null {
  if (format.length > SERIAL_FORMAT_MAX_LENGTH) return 'tooLong';
  const tokens = [...format.matchAll(TOKEN)].map((match) => match[1]);
  if (!FIXED_TEXT.test(format.replace(TOKEN, ''))) return 'characters';
  if (tokens.some((token) => token !== 'YYYY' && !/^N{3,8}$/.test(token))) return 'unknownToken';
  if (tokens.filter((token) => token === 'YYYY').length !== 1) return 'year';
  if (tokens.filter((token) => token.startsWith('N')).length !== 1) return 'number';
  return null;
}

/** The serial of the `number`-th certificate of `year` in a valid format. */
export function formatSerial(format: string, year: number, number: number): string {
  if (!Number.isInteger(number) || number < 1) throw new Error(`Invalid serial number ${number}`);
  return format.replace(TOKEN, (_match, token: string) => (token === 'YYYY' ? String(year) : String(number).padStart(token.length, '0')));
}
