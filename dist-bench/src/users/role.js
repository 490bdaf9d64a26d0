"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LANGUAGES = exports.ROLES = void 0;
exports.ROLES = ['trainee', 'instructor', 'admin'];
exports.LANGUAGES = ['lv', 'en'];
