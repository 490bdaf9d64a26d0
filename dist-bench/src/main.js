"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const preflight_1 = require("./preflight");
const web_app_1 = require("./web-app");
/** The web process: pages and the JSON API. */
async function main() {
    const env = await (0, preflight_1.preflight)({ migrate: true });
    const app = await (0, web_app_1.createWebApp)();
    await app.listen(env.PORT);
    process.stdout.write(`Kursors web listening on ${env.PUBLIC_URL} (port ${env.PORT})\n`);
}
void main();
