"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ROOT = void 0;
exports.freePort = freePort;
exports.startBaseline = startBaseline;
exports.startWeb = startWeb;
const node_child_process_1 = require("node:child_process");
const node_net_1 = require("node:net");
const node_path_1 = require("node:path");
exports.ROOT = (0, node_path_1.join)(__dirname, '..', '..', '..');
function freePort() {
    return new Promise((resolve, reject) => {
        const probe = (0, node_net_1.createServer)();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}
async function waitFor(url, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        try {
            const res = await fetch(url);
            if (res.ok)
                return;
        }
        catch {
            // not listening yet
        }
        if (Date.now() > deadline)
            throw new Error(`${url} did not answer within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 200));
    }
}
function start(script, env, readyPath, port) {
    const child = (0, node_child_process_1.spawn)(process.execPath, [script], { cwd: exports.ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
    const url = `http://127.0.0.1:${port}`;
    const stop = () => new Promise((resolve) => {
        if (child.exitCode !== null)
            return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
    });
    return waitFor(`${url}${readyPath}`, 60_000).then(() => ({ url, process: child, stop }), async (error) => {
        await stop();
        throw error;
    });
}
/** The bare Express hello-world every HTTP benchmark is compared with, in its own process like the app. */
async function startBaseline() {
    return start((0, node_path_1.join)(exports.ROOT, 'bench', 'baseline-server.js'), {}, '/', await freePort());
}
/** The built web process (`dist/main.js`) against the given database. */
async function startWeb(env) {
    return start((0, node_path_1.join)(exports.ROOT, 'dist', 'main.js'), { LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env }, '/health/ready', await freePort());
}
