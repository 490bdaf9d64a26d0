"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_FILE_NAME_LENGTH = void 0;
exports.sanitizeFileName = sanitizeFileName;
exports.extensionOf = extensionOf;
exports.contentDisposition = contentDisposition;
/** Longest kept name, in characters; the extension is kept whole. */
exports.MAX_FILE_NAME_LENGTH = 150;
const FALLBACK_NAME = 'fails';
// Control and invisible formatting characters (including the right-to-left override used to disguise
// "exe.pdf"), and the characters Windows refuses in names.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}<>:"/\\|?*]/gu;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
function splitExtension(name) {
    const dot = name.lastIndexOf('.');
    return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}
/**
 * The uploader's file name made safe to keep and give back: no folders, no control or reserved characters,
 * bounded length. Letters of any language (ā, č, ē, ģ, ī, ķ, ļ, ņ, š, ū, ž) stay. Never used as a path.
 */
function sanitizeFileName(original) {
    let name = (original ?? '').normalize('NFC');
    name = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replace(/\s+/g, ' ').replace(UNSAFE, '');
    name = name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
    let [base, extension] = splitExtension(name);
    extension = extension.slice(0, 16);
    if (WINDOWS_RESERVED.test(base))
        base = `_${base}`;
    const room = exports.MAX_FILE_NAME_LENGTH - extension.length;
    base = Array.from(base).slice(0, room).join('').trimEnd();
    return base ? `${base}${extension}` : `${FALLBACK_NAME}${extension}`;
}
/** The lower-case extension without its dot, or '' when there is none. */
function extensionOf(fileName) {
    const [, extension] = splitExtension(fileName);
    return extension.slice(1).toLowerCase();
}
/** RFC 5987 value characters; everything else is percent-encoded. */
function encodeExtValue(value) {
    return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** Plain printable ASCII for old clients: letters lose their marks (ā → a), the rest becomes "_". */
function asciiFallback(name) {
    const ascii = name
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .replace(/[^\x20-\x7e]|["\\%]/g, '_');
    return ascii.trim() || 'file';
}
/** A Content-Disposition header (RFC 6266) naming the file, with the exact UTF-8 name for current browsers. */
function contentDisposition(fileName, type = 'attachment') {
    const name = sanitizeFileName(fileName);
    return `${type}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
