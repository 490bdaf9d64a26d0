"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HeadGate = void 0;
const node_stream_1 = require("node:stream");
const file_sniffer_1 = require("./file-sniffer");
/**
 * Holds back the first bytes of a stream until it has enough to judge them, then lets everything through,
 * or fails the stream (and so the write behind it) when `check` throws. An empty stream is judged too.
 */
class HeadGate extends node_stream_1.Transform {
    check;
    held = [];
    heldBytes = 0;
    open = false;
    constructor(check) {
        super();
        this.check = check;
    }
    _transform(chunk, _encoding, callback) {
        if (this.open)
            return callback(null, chunk);
        this.held.push(chunk);
        this.heldBytes += chunk.length;
        if (this.heldBytes < file_sniffer_1.SNIFF_BYTES)
            return callback();
        this.release(callback);
    }
    _flush(callback) {
        if (this.open)
            return callback();
        this.release(callback);
    }
    release(callback) {
        const all = Buffer.concat(this.held);
        this.held = [];
        try {
            this.check(all.subarray(0, file_sniffer_1.SNIFF_BYTES));
        }
        catch (error) {
            return callback(error);
        }
        this.open = true;
        callback(null, all.length ? all : undefined);
    }
}
exports.HeadGate = HeadGate;
