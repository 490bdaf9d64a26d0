"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LocalStorageDriver = void 0;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const promises_1 = require("node:fs/promises");
const node_path_1 = require("node:path");
const promises_2 = require("node:stream/promises");
const byte_meter_1 = require("./byte-meter");
const storage_keys_1 = require("./storage-keys");
const SHARD = /^[0-9a-f]{2}$/;
const TEMPORARY = /^\..+\.tmp$/;
function isMissing(error) {
    return error?.code === 'ENOENT';
}
async function entriesOf(dir) {
    try {
        return await (0, promises_1.readdir)(dir);
    }
    catch (error) {
        if (isMissing(error))
            return [];
        throw error;
    }
}
/**
 * Files under one root directory, as `<root>/<prefix>/<2 hex>/<key>`. A write goes to a hidden temporary
 * name in the target's directory, is flushed to disk, then renamed, so a reader never sees half a file.
 */
class LocalStorageDriver {
    root;
    constructor(root) {
        this.root = (0, node_path_1.resolve)(root);
    }
    pathOf(key) {
        if (!(0, storage_keys_1.isStorageKey)(key))
            throw new Error('Invalid storage key');
        const { prefix, id } = (0, storage_keys_1.parseStorageKey)(key);
        const path = (0, node_path_1.join)(this.root, prefix, id.slice(0, 2), key);
        if (!path.startsWith(this.root + node_path_1.sep))
            throw new Error('Invalid storage key');
        return path;
    }
    async put(key, content, options) {
        const target = this.pathOf(key);
        const dir = (0, node_path_1.join)(target, '..');
        await (0, promises_1.mkdir)(dir, { recursive: true });
        const temporary = (0, node_path_1.join)(dir, `.${key}.${(0, node_crypto_1.randomBytes)(6).toString('hex')}.tmp`);
        const meter = new byte_meter_1.ByteMeter(options.maxBytes);
        try {
            // `wx`: a fresh file or nothing; `flush`: on disk before it gets its final name.
            await (0, promises_2.pipeline)(content, meter, (0, node_fs_1.createWriteStream)(temporary, { flags: 'wx', mode: 0o640, flush: true }));
            await (0, promises_1.rename)(temporary, target);
        }
        catch (error) {
            content.destroy();
            await (0, promises_1.rm)(temporary, { force: true });
            throw error;
        }
        return { size: meter.bytes, sha256: meter.digest() };
    }
    openRead(key, range) {
        const path = this.pathOf(key);
        if (!range)
            return (0, node_fs_1.createReadStream)(path);
        if (range.end <= range.start)
            throw new Error('Empty byte range');
        return (0, node_fs_1.createReadStream)(path, { start: range.start, end: range.end - 1 });
    }
    async delete(key) {
        await (0, promises_1.rm)(this.pathOf(key), { force: true });
    }
    async exists(key) {
        try {
            return (await (0, promises_1.stat)(this.pathOf(key))).isFile();
        }
        catch (error) {
            if (isMissing(error))
                return false;
            throw error;
        }
    }
    async *list() {
        for await (const { name, path } of this.files()) {
            if (!(0, storage_keys_1.isStorageKey)(name))
                continue;
            const info = await (0, promises_1.stat)(path).catch((error) => (isMissing(error) ? null : Promise.reject(error)));
            if (info?.isFile())
                yield { key: name, modifiedAt: info.mtime };
        }
    }
    async purgeIncomplete(before) {
        let removed = 0;
        for await (const { name, path } of this.files()) {
            if (!TEMPORARY.test(name))
                continue;
            const info = await (0, promises_1.stat)(path).catch(() => null);
            if (info?.isFile() && info.mtime < before) {
                await (0, promises_1.rm)(path, { force: true });
                removed += 1;
            }
        }
        return removed;
    }
    /** Every file two levels down (prefix, shard); anything else under the root is not ours and is left alone. */
    async *files() {
        for (const prefix of await entriesOf(this.root)) {
            if (!(0, storage_keys_1.isStoragePrefix)(prefix))
                continue;
            for (const shard of await entriesOf((0, node_path_1.join)(this.root, prefix))) {
                if (!SHARD.test(shard))
                    continue;
                const dir = (0, node_path_1.join)(this.root, prefix, shard);
                for (const name of await entriesOf(dir))
                    yield { name, path: (0, node_path_1.join)(dir, name) };
            }
        }
    }
}
exports.LocalStorageDriver = LocalStorageDriver;
