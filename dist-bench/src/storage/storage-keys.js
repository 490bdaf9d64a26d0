"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.newStorageKey = newStorageKey;
exports.isStorageKey = isStorageKey;
exports.parseStorageKey = parseStorageKey;
exports.isStoragePrefix = isStoragePrefix;
const node_crypto_1 = require("node:crypto");
/** `<prefix>-<32 hex digits>`: letters, digits and one hyphen, so a key can never name a path. */
const KEY = /^([a-z]{2,20})-([0-9a-f]{32})$/;
const PREFIX = /^[a-z]{2,20}$/;
function newStorageKey(prefix) {
    if (!PREFIX.test(prefix))
        throw new Error(`Invalid storage key prefix: ${prefix}`);
    return `${prefix}-${(0, node_crypto_1.randomBytes)(16).toString('hex')}`;
}
function isStorageKey(value) {
    return typeof value === 'string' && KEY.test(value);
}
function parseStorageKey(key) {
    const match = KEY.exec(key);
    if (!match)
        throw new Error('Invalid storage key');
    return { prefix: match[1], id: match[2] };
}
function isStoragePrefix(value) {
    return PREFIX.test(value);
}
