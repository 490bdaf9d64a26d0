"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PASSWORD_MAX_LENGTH = exports.PASSWORD_MIN_LENGTH = void 0;
exports.checkPassword = checkPassword;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
exports.PASSWORD_MIN_LENGTH = 8;
exports.PASSWORD_MAX_LENGTH = 200;
let common;
function commonPasswords() {
    common ??= new Set((0, node_fs_1.readFileSync)((0, node_path_1.join)(__dirname, '..', '..', 'data', 'common-passwords.txt'), 'utf8')
        .split('\n')
        .map((line) => line.trim().toLowerCase())
        .filter(Boolean));
    return common;
}
/** Length and a list of the most common passwords, as NIST SP 800-63B advises; no composition rules. */
function checkPassword(password, email, field = 'password') {
    if (password.length < exports.PASSWORD_MIN_LENGTH)
        return { field, code: 'tooSmall.string', params: { min: exports.PASSWORD_MIN_LENGTH, count: exports.PASSWORD_MIN_LENGTH } };
    if (password.length > exports.PASSWORD_MAX_LENGTH)
        return { field, code: 'tooBig.string', params: { max: exports.PASSWORD_MAX_LENGTH, count: exports.PASSWORD_MAX_LENGTH } };
    const lower = password.toLowerCase();
    if (commonPasswords().has(lower))
        return { field, code: 'passwordCommon' };
    if (email && (lower === email.toLowerCase() || lower === email.toLowerCase().split('@')[0]))
        return { field, code: 'passwordIsEmail' };
    return null;
}
