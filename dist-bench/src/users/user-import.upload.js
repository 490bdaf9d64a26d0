"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IMPORT_TEMPLATE = exports.CSV_UPLOAD = void 0;
const sync_1 = require("csv-stringify/sync");
const user_import_service_1 = require("./user-import.service");
/** The file field of an import, held in memory: small files only. */
exports.CSV_UPLOAD = { limits: { fileSize: 1024 * 1024, files: 1, fields: 5 } };
/**
 * The template offered for download: semicolons and a byte-order mark, so a spreadsheet program set to
 * Latvian opens it in columns with its letters intact.
 */
exports.IMPORT_TEMPLATE = (0, sync_1.stringify)([
    [...user_import_service_1.IMPORT_COLUMNS],
    ['Anna Bērziņa', 'anna.berzina@example.lv', 'trainee', 'Projektu nodaļa', 'lv'],
    ['Jānis Kalniņš', 'janis.kalnins@example.lv', 'instructor|trainee', 'Attīstības departaments', 'lv'],
], { delimiter: ';', bom: true, record_delimiter: 'windows' });
