import { formatFileSize } from './file-size';

describe('file sizes', () => {
  it('reads naturally in Latvian and English, number and unit kept together', () => {
    expect(formatFileSize(381, 'lv')).toBe('381\u00a0B');
    expect(formatFileSize(1536, 'lv')).toBe('1,5\u00a0KB');
    expect(formatFileSize(1536, 'en')).toBe('1.5\u00a0KB');
    expect(formatFileSize(50 * 1024 * 1024, 'lv')).toBe('50\u00a0MB');
  });
});
