"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.I18nService = void 0;
exports.isLanguage = isLanguage;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const common_1 = require("@nestjs/common");
const role_1 = require("../users/role");
const LOCALES_DIR = (0, node_path_1.join)(__dirname, '..', '..', 'locales');
const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];
function isLanguage(value) {
    return typeof value === 'string' && role_1.LANGUAGES.includes(value);
}
/** Each feature keeps its messages in locales/<lang>/<namespace>.json; keys read `<namespace>.<key>`. */
function loadLanguage(lang) {
    const dir = (0, node_path_1.join)(LOCALES_DIR, lang);
    const files = (0, node_fs_1.readdirSync)(dir).filter((name) => name.endsWith('.json'));
    return Object.fromEntries(files.map((name) => [name.replace(/\.json$/, ''), JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, name), 'utf8'))]));
}
/** Latvian first, English second. */
let I18nService = class I18nService {
    messages;
    plurals = new Map();
    constructor() {
        this.messages = Object.fromEntries(role_1.LANGUAGES.map((lang) => [lang, loadLanguage(lang)]));
        for (const lang of role_1.LANGUAGES)
            this.plurals.set(lang, new Intl.PluralRules(lang));
    }
    has(lang, key) {
        return this.lookup(lang, key) !== undefined;
    }
    t(lang, key, params = {}) {
        const entry = this.lookup(lang, key) ?? this.lookup('lv', key);
        if (entry === undefined)
            return key;
        const text = typeof entry === 'string' ? entry : this.pluralForm(lang, entry, params.count);
        return text.replace(/\{(\w+)\}/g, (whole, name) => {
            const value = params[name];
            return value === undefined || value === null ? whole : String(value);
        });
    }
    /** Picks the plural form: Latvian has zero (0, 10–20, 30…), one (1, 21, 31… not 11) and other. */
    pluralForm(lang, forms, count) {
        const n = typeof count === 'number' ? count : Number(count ?? 0);
        const category = this.plurals.get(lang).select(n);
        const chosen = forms[category] ?? forms.other;
        if (typeof chosen === 'string')
            return chosen;
        const fallback = PLURAL_FORMS.map((form) => forms[form]).find((v) => typeof v === 'string');
        return fallback ?? '';
    }
    lookup(lang, key) {
        let node = this.messages[lang];
        for (const part of key.split('.')) {
            if (node === undefined || typeof node === 'string')
                return undefined;
            node = node[part];
        }
        return node;
    }
};
exports.I18nService = I18nService;
exports.I18nService = I18nService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [])
], I18nService);
