"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerPartials = registerPartials;
exports.registerViewHelpers = registerViewHelpers;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const dates_1 = require("../i18n/dates");
const i18n_service_1 = require("../i18n/i18n.service");
function langOf(options) {
    const root = options.data?.root;
    return (0, i18n_service_1.isLanguage)(root?.lang) ? root.lang : 'lv';
}
function toDate(value) {
    if (value instanceof Date)
        return value;
    if (typeof value === 'string' || typeof value === 'number') {
        const date = new Date(value);
        return Number.isNaN(date.getTime()) ? null : date;
    }
    return null;
}
/** Registers every views/partials/*.hbs at once (hbs's own registerPartials is asynchronous). */
function registerPartials(handlebars, dir) {
    for (const file of (0, node_fs_1.readdirSync)(dir)) {
        if (file.endsWith('.hbs'))
            handlebars.registerPartial(file.replace(/\.hbs$/, ''), (0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, file), 'utf8'));
    }
}
/**
 * The few helpers views may use: translation, dates in Riga time, and comparisons for loops and conditionals.
 * Registered on both the page engine and the email engine.
 */
function registerViewHelpers(handlebars, i18n) {
    // `{{t key name=value}}`, or `{{t key params}}` with an object of parameters (as flash messages carry).
    handlebars.registerHelper('t', ((key, ...rest) => {
        const options = rest.pop();
        const params = rest[0] !== null && typeof rest[0] === 'object' ? rest[0] : {};
        return typeof key === 'string' ? i18n.t(langOf(options), key, { ...params, ...options.hash }) : '';
    }));
    handlebars.registerHelper('date', ((value, options) => {
        const date = toDate(value);
        return date ? (0, dates_1.formatDate)(date, langOf(options)) : '';
    }));
    handlebars.registerHelper('datetime', ((value, options) => {
        const date = toDate(value);
        return date ? (0, dates_1.formatDateTime)(date, langOf(options)) : '';
    }));
    handlebars.registerHelper('time', ((value) => {
        const date = toDate(value);
        return date ? (0, dates_1.formatTime)(date) : '';
    }));
    handlebars.registerHelper('iso', ((value) => toDate(value)?.toISOString() ?? ''));
    handlebars.registerHelper('eq', ((a, b) => a === b));
    // A form value of a checkbox group is a string when one box was ticked, an array when several were.
    handlebars.registerHelper('includes', ((list, item) => (Array.isArray(list) ? list.includes(item) : list === item)));
    handlebars.registerHelper('or', ((...args) => args.slice(0, -1).some(Boolean)));
    handlebars.registerHelper('and', ((...args) => args.slice(0, -1).every(Boolean)));
    handlebars.registerHelper('not', ((value) => !value));
}
