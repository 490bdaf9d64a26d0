"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.hashPassword = hashPassword;
exports.verifyPassword = verifyPassword;
exports.dummyHash = dummyHash;
const argon2_1 = __importDefault(require("argon2"));
/** argon2id with the library's defaults (m=64 MiB, t=3, p=4). */
function hashPassword(password) {
    return argon2_1.default.hash(password, { type: argon2_1.default.argon2id });
}
async function verifyPassword(hash, password) {
    if (!hash)
        return false;
    try {
        return await argon2_1.default.verify(hash, password);
    }
    catch {
        return false;
    }
}
/** A hash to verify against when the account does not exist, so timing does not reveal which emails exist. */
let dummy;
function dummyHash() {
    dummy ??= hashPassword('not-a-real-password-0');
    return dummy;
}
