"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const preflight_1 = require("./preflight");
const web_app_1 = require("./web-app");
const worker_1 = require("./worker");
/** Web and worker in one process, for the quick start and small installations. */
async function main() {
    const env = await (0, preflight_1.preflight)({ migrate: true });
    await (0, worker_1.startWorker)();
    const app = await (0, web_app_1.createWebApp)();
    await app.listen(env.PORT);
    process.stdout.write(`Kursors is running at ${env.PUBLIC_URL} (web and worker)\n`);
}
void main();
