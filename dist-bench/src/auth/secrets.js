"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.newSecret = newSecret;
exports.sha256 = sha256;
const node_crypto_1 = require("node:crypto");
/** A URL-safe random secret of 32 bytes. */
function newSecret(prefix = '') {
    return `${prefix}${(0, node_crypto_1.randomBytes)(32).toString('base64url')}`;
}
/** Secrets are stored only as SHA-256 hex: enough for high-entropy random values. */
function sha256(value) {
    return (0, node_crypto_1.createHash)('sha256').update(value).digest('hex');
}
