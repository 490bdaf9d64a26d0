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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.UserImportService = exports.IMPORT_MAX_ROWS = exports.IMPORT_COLUMNS = void 0;
exports.userRowsFromCsv = userRowsFromCsv;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const csv_1 = require("../common/csv");
const errors_1 = require("../common/errors");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const i18n_service_1 = require("../i18n/i18n.service");
const outbox_service_1 = require("../notifications/outbox.service");
const user_schemas_1 = require("./user.schemas");
const users_errors_1 = require("./users.errors");
const users_service_1 = require("./users.service");
const REQUIRED_COLUMNS = ['name', 'email', 'roles'];
const OPTIONAL_COLUMNS = ['department', 'language'];
exports.IMPORT_COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
exports.IMPORT_MAX_ROWS = 5000;
/** Roles in one cell, separated by |, ; or spaces (commas too, when the file itself uses semicolons). */
function splitRoles(cell) {
    return cell.split(/[|;,\s]+/).filter(Boolean).map((role) => role.toLowerCase());
}
/** Reads the file (whole-file problems are thrown); each row's own problems are collected later, not thrown. */
function userRowsFromCsv(source, field = 'csv') {
    const rows = (0, csv_1.readCsv)(source, { required: REQUIRED_COLUMNS, optional: OPTIONAL_COLUMNS, maxRows: exports.IMPORT_MAX_ROWS, field });
    return rows.map(({ line, values }) => ({
        row: line,
        raw: values,
        input: {
            name: values.name,
            email: values.email,
            roles: splitRoles(values.roles),
            department: values.department,
            language: values.language ? values.language.toLowerCase() : undefined,
        },
        errors: [],
    }));
}
function rowsOf(source) {
    if (source.file?.length)
        return userRowsFromCsv(source.file, 'file');
    if (source.csv?.trim())
        return userRowsFromCsv(source.csv, 'csv');
    throw errors_1.ValidationFailedError.field('file', 'csv.required');
}
class ImportRowConflict extends Error {
    row;
    constructor(row) {
        super(`row ${row}: email taken`);
        this.row = row;
    }
}
/**
 * The CSV import of users: every row is checked (its fields, duplicates within the file, emails that
 * already have accounts) and either all users are created in one transaction, or none is.
 */
let UserImportService = class UserImportService {
    dataSource;
    users;
    outbox;
    audit;
    i18n;
    constructor(dataSource, users, outbox, audit, i18n) {
        this.dataSource = dataSource;
        this.users = users;
        this.outbox = outbox;
        this.audit = audit;
        this.i18n = i18n;
    }
    /** An uploaded file wins over pasted text; file-level problems are errors of the field it came in. */
    async import(source, actor, lang, req) {
        const rows = rowsOf(source);
        const valid = await this.check(rows);
        if (rows.some((row) => row.errors.length))
            return this.report(rows, 'ready', lang);
        try {
            const outboxIds = await this.dataSource.transaction(async (manager) => {
                const ids = [];
                for (const row of rows) {
                    const { outboxId } = await this.users.createIn(manager, valid.get(row.row), actor, req).catch((error) => {
                        throw error instanceof users_errors_1.EmailTakenError ? new ImportRowConflict(row.row) : error;
                    });
                    if (outboxId)
                        ids.push(outboxId);
                }
                await this.audit.record({ actorId: actor.id, action: 'user.imported', entityType: 'user', after: { count: rows.length }, req }, manager);
                return ids;
            });
            await this.outbox.dispatch(outboxIds);
            return this.report(rows, 'created', lang);
        }
        catch (error) {
            // Someone else created one of these emails between the check and the insert: nothing was written.
            if (!(error instanceof ImportRowConflict))
                throw error;
            rows.find((row) => row.row === error.row).errors.push({ field: 'email', code: 'emailTaken' });
            return this.report(rows, 'ready', lang);
        }
    }
    /** Adds every row's problems to it; returns the parsed input of each row that passed the schema. */
    async check(rows) {
        const valid = new Map();
        const firstRowOf = new Map();
        for (const row of rows) {
            const result = user_schemas_1.createUserSchema.safeParse(row.input, { reportInput: true });
            if (!result.success) {
                row.errors.push(...(0, zod_validation_pipe_1.toFieldErrors)(result.error.issues).map((e) => ({ ...e, field: e.field.split('.')[0] })));
                continue;
            }
            const first = firstRowOf.get(result.data.email);
            if (first !== undefined)
                row.errors.push({ field: 'email', code: 'duplicateInFile', params: { row: first } });
            else
                firstRowOf.set(result.data.email, row.row);
            valid.set(row.row, result.data);
        }
        const taken = await this.users.existingEmails([...firstRowOf.keys()]);
        for (const row of rows) {
            const input = valid.get(row.row);
            if (input && taken.has(input.email) && firstRowOf.get(input.email) === row.row)
                row.errors.push({ field: 'email', code: 'emailTaken' });
        }
        return valid;
    }
    report(rows, validStatus, lang) {
        const reportRows = rows.map((row) => ({
            row: row.row,
            email: row.raw.email ?? '',
            name: row.raw.name ?? '',
            status: row.errors.length ? 'refused' : validStatus,
            errors: row.errors.map((e) => ({ field: e.field, code: e.code, message: this.i18n.t(lang, `validation.${e.code}`, e.params) })),
        }));
        const refused = reportRows.filter((row) => row.status === 'refused').length;
        const created = validStatus === 'created' ? reportRows.length : 0;
        return { ok: created > 0, total: reportRows.length, created, refused, rows: reportRows };
    }
};
exports.UserImportService = UserImportService;
exports.UserImportService = UserImportService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        users_service_1.UsersService,
        outbox_service_1.OutboxService,
        audit_service_1.AuditService,
        i18n_service_1.I18nService])
], UserImportService);
