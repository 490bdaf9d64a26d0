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
var StorageService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.StorageService = void 0;
const common_1 = require("@nestjs/common");
const node_stream_1 = require("node:stream");
const file_names_1 = require("./file-names");
const file_policy_1 = require("./file-policy");
const file_sniffer_1 = require("./file-sniffer");
const head_gate_1 = require("./head-gate");
const multipart_1 = require("./multipart");
const storage_driver_1 = require("./storage-driver");
const storage_errors_1 = require("./storage.errors");
const storage_keys_1 = require("./storage-keys");
const zip_inspector_1 = require("./zip-inspector");
/** Room for the text fields and part headers of a form beside its file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
let StorageService = StorageService_1 = class StorageService {
    driver;
    logger = new common_1.Logger(StorageService_1.name);
    constructor(driver) {
        this.driver = driver;
    }
    /**
     * Writes one file under a new key, checking its content against its name and the policy on the way:
     * refused files leave nothing behind. The caller must then `keepIf` it.
     */
    async store(content, originalName, policy) {
        const fileName = (0, file_names_1.sanitizeFileName)(originalName);
        let expected;
        try {
            expected = (0, file_policy_1.expectedKind)(fileName, policy.allowed);
        }
        catch (error) {
            content.destroy();
            throw error;
        }
        let head;
        const gate = new head_gate_1.HeadGate((bytes) => {
            if (!bytes.length)
                throw storage_errors_1.FileRejectedError.empty(fileName);
            head = (0, file_policy_1.checkHead)(fileName, bytes, expected, policy.allowed);
        });
        const key = (0, storage_keys_1.newStorageKey)(policy.keyPrefix);
        let written;
        try {
            written = await this.driver.put(key, (0, node_stream_1.pipeline)(content, gate, () => undefined), { maxBytes: policy.maxBytes });
        }
        catch (error) {
            if (error instanceof storage_driver_1.StorageLimitExceededError)
                throw storage_errors_1.FileRejectedError.tooLarge(fileName, policy.maxBytes);
            throw error;
        }
        let kind = expected;
        try {
            if (head?.kind === 'zip')
                kind = await this.checkZip(key, written.size, fileName, expected, policy);
        }
        catch (error) {
            await this.discard(key);
            throw error;
        }
        return { key, fileName, kind, mimeType: file_sniffer_1.FILE_KINDS[kind].mime, ...written };
    }
    async checkZip(key, size, fileName, expected, policy) {
        try {
            const zip = await (0, zip_inspector_1.inspectZip)({ size, read: (range) => this.driver.openRead(key, range) }, policy.zipLimits ?? zip_inspector_1.DEFAULT_ZIP_LIMITS);
            const classification = (0, file_sniffer_1.classifyZip)(zip.entryNames, zip.mimetype);
            (0, file_policy_1.checkZipKind)(fileName, classification, expected);
            return classification.kind;
        }
        catch (error) {
            if (error instanceof zip_inspector_1.UnsafeZipError) {
                this.logger.warn({ key, problem: error.problem, detail: error.detail }, 'Refused an unsafe archive');
                throw storage_errors_1.FileRejectedError.unsafeArchive(fileName, error.problem);
            }
            throw error;
        }
    }
    /**
     * Reads a multipart upload with its one file in `fileField`, storing the file as it streams in. Like a
     * body parser it leaves the text fields in `req.body`, so a form can be shown again with them.
     */
    async receive(req, fileField, policy) {
        if (!req.is('multipart/form-data'))
            throw storage_errors_1.UploadRequestError.notMultipart();
        const declared = Number(req.get('content-length'));
        if (Number.isFinite(declared) && declared > policy.maxBytes + FORM_OVERHEAD_BYTES) {
            req.res?.setHeader('Connection', 'close');
            throw storage_errors_1.UploadRequestError.tooLarge(policy.maxBytes);
        }
        const fields = {};
        let stored;
        try {
            await (0, multipart_1.readMultipart)(req, {
                fields,
                fileField,
                maxFields: 20,
                maxFieldBytes: 16 * 1024,
                onFile: async (stream, name) => {
                    stored = await this.store(stream, name, policy);
                },
            });
            return { fields, file: stored };
        }
        catch (error) {
            if (stored)
                await this.discard(stored.key);
            throw error;
        }
        finally {
            req.body = fields;
        }
    }
    /**
     * Runs `work` (the transaction that records the file) and removes the file if it fails, so no file is
     * left without its record. A crash between the two leaves an orphan for the OrphanFileCleaner.
     */
    async keepIf(file, work) {
        try {
            return await work();
        }
        catch (error) {
            await this.discard(file.key);
            throw error;
        }
    }
    openRead(key, range) {
        return this.driver.openRead(key, range);
    }
    exists(key) {
        return this.driver.exists(key);
    }
    /** Removes a file whose record is gone; a failure is logged, and the orphan cleaner retries later. */
    async discard(key) {
        try {
            await this.driver.delete(key);
        }
        catch (error) {
            this.logger.error({ err: error, key }, 'Could not remove a stored file');
        }
    }
};
exports.StorageService = StorageService;
exports.StorageService = StorageService = StorageService_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(storage_driver_1.STORAGE_DRIVER)),
    __metadata("design:paramtypes", [Object])
], StorageService);
