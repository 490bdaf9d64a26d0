"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatFileSize = formatFileSize;
const UNITS = ['B', 'KB', 'MB', 'GB'];
/** "1,4 MB" in Latvian, "1.4 MB" in English (binary multiples, as operating systems show them). */
function formatFileSize(bytes, lang) {
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
        value /= 1024;
        unit += 1;
    }
    const digits = unit === 0 || value >= 10 ? 0 : 1;
    const number = new Intl.NumberFormat(lang === 'lv' ? 'lv-LV' : 'en-GB', { maximumFractionDigits: digits }).format(value);
    // A no-break space keeps the number and its unit on one line.
    return `${number}\u00a0${UNITS[unit]}`;
}
