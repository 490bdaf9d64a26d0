"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.readMultipart = readMultipart;
const busboy_1 = __importDefault(require("busboy"));
const storage_errors_1 = require("./storage.errors");
/**
 * Reads a multipart/form-data request as it arrives: text fields into memory (bounded), the one file
 * handed on as a stream. On any failure it stops reading the request and waits for the file handler to
 * settle before rejecting, so that handler can clean up after itself. A handler that stored the file
 * before a later part failed must remember it and remove it when this rejects.
 */
function readMultipart(req, options) {
    return new Promise((resolve, reject) => {
        let parser;
        try {
            parser = (0, busboy_1.default)({
                headers: req.headers,
                defParamCharset: 'utf8',
                limits: { files: 1, fields: options.maxFields, parts: options.maxFields + 1, fieldSize: options.maxFieldBytes, fieldNameSize: 100 },
            });
        }
        catch {
            reject(storage_errors_1.UploadRequestError.malformed());
            return;
        }
        const { fields } = options;
        let handling;
        let fileStream;
        let failed = false;
        const stopReading = () => {
            req.unpipe(parser);
            parser.removeAllListeners();
            parser.on('error', () => undefined);
            // Whatever the client still sends is not wanted: close the connection after answering.
            if (!req.complete)
                req.res?.setHeader('Connection', 'close');
        };
        const fail = (error) => {
            if (failed)
                return;
            failed = true;
            stopReading();
            fileStream?.destroy(error instanceof Error ? error : new Error(String(error)));
            const settled = handling ? handling.then(() => undefined, () => undefined) : Promise.resolve();
            void settled.then(() => reject(error));
        };
        parser.on('field', (name, value, info) => {
            if (info.nameTruncated || info.valueTruncated)
                return fail(storage_errors_1.UploadRequestError.fieldTooLong(name));
            if (name !== '__proto__' && !Object.hasOwn(fields, name))
                fields[name] = value;
        });
        parser.on('file', (name, stream, info) => {
            if (name !== options.fileField || handling) {
                stream.resume();
                return;
            }
            fileStream = stream;
            handling = options.onFile(stream, info.filename ?? '');
            handling.catch(fail);
        });
        parser.on('fieldsLimit', () => fail(storage_errors_1.UploadRequestError.tooManyParts()));
        parser.on('partsLimit', () => fail(storage_errors_1.UploadRequestError.tooManyParts()));
        parser.on('error', () => fail(storage_errors_1.UploadRequestError.malformed()));
        parser.on('close', () => {
            if (failed)
                return;
            const done = handling ?? Promise.resolve(undefined);
            done.then((file) => {
                if (!failed)
                    resolve(file);
            }, fail);
        });
        req.on('close', () => {
            if (!req.complete)
                fail(storage_errors_1.UploadRequestError.aborted());
        });
        req.pipe(parser);
    });
}
