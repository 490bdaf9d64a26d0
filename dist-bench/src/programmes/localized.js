"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.localized = localized;
/** The English text when there is one and English is wanted; Latvian otherwise. */
function localized(lang, lv, en) {
    return lang === 'en' && en ? en : lv;
}
