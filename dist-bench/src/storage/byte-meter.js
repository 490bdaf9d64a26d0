"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ByteMeter = void 0;
const node_crypto_1 = require("node:crypto");
const node_stream_1 = require("node:stream");
const storage_driver_1 = require("./storage-driver");
/** Passes bytes through, counting and hashing them, and fails the stream once there are more than `maxBytes`. */
class ByteMeter extends node_stream_1.Transform {
    maxBytes;
    hash = (0, node_crypto_1.createHash)('sha256');
    bytes = 0;
    constructor(maxBytes) {
        super();
        this.maxBytes = maxBytes;
    }
    _transform(chunk, _encoding, callback) {
        this.bytes += chunk.length;
        if (this.bytes > this.maxBytes)
            return callback(new storage_driver_1.StorageLimitExceededError(this.maxBytes));
        this.hash.update(chunk);
        callback(null, chunk);
    }
    digest() {
        return this.hash.digest('hex');
    }
}
exports.ByteMeter = ByteMeter;
