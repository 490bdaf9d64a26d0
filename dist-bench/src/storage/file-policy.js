"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.allowedLabel = allowedLabel;
exports.acceptAttribute = acceptAttribute;
exports.expectedKind = expectedKind;
exports.checkHead = checkHead;
exports.checkZipKind = checkZipKind;
const file_names_1 = require("./file-names");
const file_sniffer_1 = require("./file-sniffer");
const storage_errors_1 = require("./storage.errors");
function allowedLabel(allowed) {
    return allowed.map((kind) => file_sniffer_1.FILE_KINDS[kind].label).join(', ');
}
/** For `<input type="file" accept="…">`: a hint to the browser, checked again on the server. */
function acceptAttribute(allowed) {
    return allowed.flatMap((kind) => file_sniffer_1.FILE_KINDS[kind].extensions.map((extension) => `.${extension}`)).join(',');
}
/** The kind the file's extension promises, if the policy allows it at all. */
function expectedKind(fileName, allowed) {
    const extension = (0, file_names_1.extensionOf)(fileName);
    const kind = allowed.find((candidate) => file_sniffer_1.FILE_KINDS[candidate].extensions.includes(extension));
    if (!kind)
        throw storage_errors_1.FileRejectedError.typeNotAllowed(fileName, allowedLabel(allowed));
    return kind;
}
/** Judges the first bytes against the extension: refuses programs, unknown content and plain mismatches. */
function checkHead(fileName, head, expected, allowed) {
    const verdict = (0, file_sniffer_1.sniffHead)(head);
    if (verdict.kind === 'executable')
        throw storage_errors_1.FileRejectedError.executable(fileName);
    if (verdict.kind === 'unknown')
        throw storage_errors_1.FileRejectedError.unrecognised(fileName, allowedLabel(allowed));
    const containerMatches = verdict.kind === 'zip' && file_sniffer_1.ZIP_KINDS.includes(expected);
    if (verdict.kind !== expected && !containerMatches) {
        throw storage_errors_1.FileRejectedError.mismatch(fileName, file_sniffer_1.FILE_KINDS[verdict.kind].label, (0, file_names_1.extensionOf)(fileName));
    }
    return verdict;
}
/** Judges a ZIP container by its entries once it is stored. */
function checkZipKind(fileName, zip, expected) {
    if (zip.hasMacros)
        throw storage_errors_1.FileRejectedError.macros(fileName);
    if (zip.kind !== expected)
        throw storage_errors_1.FileRejectedError.mismatch(fileName, file_sniffer_1.FILE_KINDS[zip.kind].label, (0, file_names_1.extensionOf)(fileName));
}
