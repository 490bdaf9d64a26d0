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
var OrphanFileCleaner_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrphanFileCleaner = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const storage_driver_1 = require("./storage-driver");
const storage_keys_1 = require("./storage-keys");
const stored_file_key_decorator_1 = require("./stored-file-key.decorator");
const DAY_MS = 24 * 3_600_000;
const BATCH = 500;
/**
 * Removes files that no record holds: left by a process that died between writing a file and committing
 * its record, or a failed delete. Only files older than `olderThanMs` are judged, so an upload in progress
 * is never taken for an orphan.
 */
let OrphanFileCleaner = OrphanFileCleaner_1 = class OrphanFileCleaner {
    driver;
    dataSource;
    logger = new common_1.Logger(OrphanFileCleaner_1.name);
    constructor(driver, dataSource) {
        this.driver = driver;
        this.dataSource = dataSource;
    }
    /** The columns holding each prefix's keys, as table and column names. */
    keyColumns() {
        const byPrefix = new Map();
        for (const owner of (0, stored_file_key_decorator_1.storedFileOwners)()) {
            if (!this.dataSource.hasMetadata(owner.target))
                continue;
            const metadata = this.dataSource.getMetadata(owner.target);
            const column = metadata.findColumnWithPropertyName(owner.property);
            if (!column)
                continue;
            const list = byPrefix.get(owner.prefix) ?? [];
            const escape = (name) => this.dataSource.driver.escape(name);
            const table = metadata.schema ? `${escape(metadata.schema)}.${escape(metadata.tableName)}` : escape(metadata.tableName);
            list.push({ table, column: escape(column.databaseName) });
            byPrefix.set(owner.prefix, list);
        }
        return byPrefix;
    }
    async removeOrphans(olderThanMs = DAY_MS) {
        const cutoff = new Date(Date.now() - olderThanMs);
        const columns = this.keyColumns();
        const result = { checked: 0, removed: 0, incomplete: 0 };
        let batch = [];
        for await (const object of this.driver.list()) {
            if (object.modifiedAt >= cutoff || !columns.has((0, storage_keys_1.parseStorageKey)(object.key).prefix))
                continue;
            batch.push(object.key);
            if (batch.length >= BATCH) {
                result.removed += await this.removeUnreferenced(batch, columns);
                result.checked += batch.length;
                batch = [];
            }
        }
        if (batch.length) {
            result.removed += await this.removeUnreferenced(batch, columns);
            result.checked += batch.length;
        }
        result.incomplete = await this.driver.purgeIncomplete(cutoff);
        if (result.removed || result.incomplete)
            this.logger.log(result, 'Removed orphan files');
        return result;
    }
    async removeUnreferenced(keys, columns) {
        const referenced = new Set();
        const prefixes = new Set(keys.map((key) => (0, storage_keys_1.parseStorageKey)(key).prefix));
        for (const prefix of prefixes) {
            for (const { table, column } of columns.get(prefix) ?? []) {
                const rows = await this.dataSource.query(`SELECT ${column} AS key FROM ${table} WHERE ${column} = ANY($1)`, [keys]);
                for (const row of rows)
                    referenced.add(row.key);
            }
        }
        let removed = 0;
        for (const key of keys) {
            if (referenced.has(key))
                continue;
            await this.driver.delete(key);
            this.logger.warn({ key }, 'Removed an orphan file');
            removed += 1;
        }
        return removed;
    }
};
exports.OrphanFileCleaner = OrphanFileCleaner;
exports.OrphanFileCleaner = OrphanFileCleaner = OrphanFileCleaner_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(storage_driver_1.STORAGE_DRIVER)),
    __param(1, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Object, typeorm_2.DataSource])
], OrphanFileCleaner);
