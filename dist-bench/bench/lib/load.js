"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.load = load;
exports.warmUp = warmUp;
const autocannon_1 = __importDefault(require("autocannon"));
const stats_1 = require("./stats");
/** Drives a URL with autocannon and keeps every response time, so p95 is exact rather than interpolated. */
async function load(url, options) {
    const latencies = [];
    const instance = (0, autocannon_1.default)({
        url,
        connections: options.connections,
        duration: options.durationSeconds,
        headers: options.headers,
        method: options.method,
        body: options.body,
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    const result = await new Promise((resolve, reject) => instance.once('done', resolve).once('error', reject));
    return {
        requestsPerSecond: (0, stats_1.round)(result.requests.total / result.duration),
        p50Ms: (0, stats_1.round)((0, stats_1.percentile)(latencies, 50), 2),
        p95Ms: (0, stats_1.round)((0, stats_1.percentile)(latencies, 95), 2),
        requests: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors,
    };
}
/** A short run to warm caches and JIT before the measured one. */
async function warmUp(url, headers) {
    await load(url, { connections: 10, durationSeconds: 2, headers });
}
