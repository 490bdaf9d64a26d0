"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.UnsafeZipError = exports.DEFAULT_ZIP_LIMITS = void 0;
exports.isUnsafeEntryName = isUnsafeEntryName;
exports.inspectZip = inspectZip;
const yauzl = __importStar(require("yauzl"));
const file_names_1 = require("./file-names");
exports.DEFAULT_ZIP_LIMITS = {
    maxEntries: 10_000,
    maxUncompressedBytes: 1024 * 1024 * 1024,
    maxCompressionRatio: 250,
    maxDepth: 2,
    maxNestedArchiveBytes: 32 * 1024 * 1024,
};
class UnsafeZipError extends Error {
    problem;
    detail;
    constructor(problem, detail = '') {
        super(`Unsafe ZIP archive (${problem})${detail ? `: ${detail}` : ''}`);
        this.problem = problem;
        this.detail = detail;
        this.name = 'UnsafeZipError';
    }
}
exports.UnsafeZipError = UnsafeZipError;
const ZIP_CONTAINERS = new Set(['zip', 'jar', 'war', 'ear', 'apk', 'epub', 'docx', 'docm', 'xlsx', 'xlsm', 'pptx', 'pptm', 'odt', 'ods', 'odp', 'odg']);
const OTHER_ARCHIVES = new Set(['7z', 'rar', 'gz', 'tgz', 'bz2', 'xz', 'zst', 'tar', 'cab', 'iso', 'lz', 'lzma', 'z']);
const LARGE_ENTRY = 1024 * 1024;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
class RangeReader extends yauzl.RandomAccessReader {
    readRange;
    constructor(readRange) {
        super();
        this.readRange = readRange;
    }
    _readStreamForRange(start, end) {
        return this.readRange({ start, end });
    }
}
function open(source) {
    const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true };
    return Buffer.isBuffer(source)
        ? yauzl.fromBufferPromise(source, options)
        : yauzl.fromRandomAccessReaderPromise(new RangeReader((range) => source.read(range)), source.size, options);
}
function entryName(entry) {
    return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
}
/** Names that would land outside the folder they are unpacked into, or that are not plain names at all. */
function isUnsafeEntryName(name) {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
    if (name === '' || /[\x00-\x1f\x7f]/.test(name))
        return true;
    const normal = name.replace(/\\/g, '/');
    if (normal.startsWith('/') || /^[a-zA-Z]:/.test(normal))
        return true;
    return normal.split('/').includes('..');
}
async function readEntry(zip, entry, maxBytes) {
    const stream = await zip.openReadStreamPromise(entry);
    const chunks = [];
    let total = 0;
    for await (const chunk of stream) {
        total += chunk.length;
        if (total > maxBytes) {
            stream.destroy();
            throw new UnsafeZipError('tooLarge', entryName(entry));
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}
async function walk(source, limits, level, budget) {
    let zip;
    try {
        zip = await open(source);
    }
    catch (error) {
        throw new UnsafeZipError('corrupt', error.message);
    }
    if (budget.entries + zip.entryCount > limits.maxEntries) {
        zip.close();
        throw new UnsafeZipError('tooManyEntries', String(zip.entryCount));
    }
    const names = [];
    let mimetype = null;
    try {
        for await (const entry of zip.eachEntry()) {
            const name = entryName(entry);
            budget.entries += 1;
            budget.bytes += entry.uncompressedSize;
            if (budget.entries > limits.maxEntries)
                throw new UnsafeZipError('tooManyEntries');
            if (budget.bytes > limits.maxUncompressedBytes)
                throw new UnsafeZipError('tooLarge', name);
            if (isUnsafeEntryName(name) || ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK)
                throw new UnsafeZipError('unsafePath', name);
            if (entry.uncompressedSize > LARGE_ENTRY && entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxCompressionRatio) {
                throw new UnsafeZipError('compressionRatio', name);
            }
            if (level === 0)
                names.push(name);
            if (level === 0 && name === 'mimetype' && entry.uncompressedSize <= 200 && !entry.isEncrypted()) {
                mimetype = (await readEntry(zip, entry, 200)).toString('latin1');
            }
            await inspectNested(zip, entry, name, limits, level, budget);
        }
    }
    catch (error) {
        zip.close();
        if (error instanceof UnsafeZipError)
            throw error;
        throw new UnsafeZipError('corrupt', error.message);
    }
    return { names, mimetype };
}
async function inspectNested(zip, entry, name, limits, level, budget) {
    const extension = (0, file_names_1.extensionOf)(name);
    if (!ZIP_CONTAINERS.has(extension) && !OTHER_ARCHIVES.has(extension))
        return;
    const depth = level + 1;
    if (depth > limits.maxDepth)
        throw new UnsafeZipError('nestedTooDeep', name);
    budget.depth = Math.max(budget.depth, depth);
    if (!ZIP_CONTAINERS.has(extension) || entry.isEncrypted() || entry.uncompressedSize === 0)
        return;
    if (entry.uncompressedSize > limits.maxNestedArchiveBytes)
        throw new UnsafeZipError('tooLarge', name);
    const inner = await readEntry(zip, entry, limits.maxNestedArchiveBytes);
    try {
        await walk(inner, limits, depth, budget);
    }
    catch (error) {
        // Something named like an archive that is not one is just a file.
        if (error instanceof UnsafeZipError && error.problem === 'corrupt')
            return;
        throw error;
    }
}
/**
 * Reads a ZIP's directory (and those of the ZIPs inside it) without unpacking it, and refuses it as an
 * archive bomb or a traversal attack: too many entries, too large unpacked, suspiciously compressible,
 * nested too deep, or an entry named outside its folder or a symbolic link.
 */
async function inspectZip(source, limits = exports.DEFAULT_ZIP_LIMITS) {
    const budget = { entries: 0, bytes: 0, depth: 0 };
    const { names, mimetype } = await walk(source, limits, 0, budget);
    return { entryNames: names, mimetype, entryCount: budget.entries, uncompressedBytes: budget.bytes, depth: budget.depth };
}
