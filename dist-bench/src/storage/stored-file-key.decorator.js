"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StoredFileKey = StoredFileKey;
exports.storedFileOwners = storedFileOwners;
const storage_keys_1 = require("./storage-keys");
const owners = [];
/**
 * Marks the entity column that holds storage keys made with `prefix`. The orphan cleaner removes an old
 * file of a registered prefix once no marked column holds its key; files of unregistered prefixes are
 * never touched.
 */
function StoredFileKey(prefix) {
    if (!(0, storage_keys_1.isStoragePrefix)(prefix))
        throw new Error(`Invalid storage key prefix: ${prefix}`);
    return (target, property) => {
        owners.push({ target: target.constructor, property: String(property), prefix });
    };
}
function storedFileOwners() {
    return owners;
}
