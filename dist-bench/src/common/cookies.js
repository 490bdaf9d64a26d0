"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LANGUAGE_COOKIE = exports.SESSION_COOKIE = void 0;
exports.SESSION_COOKIE = 'kursors.sid';
exports.LANGUAGE_COOKIE = 'kursors.lang';
