"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startWorker = startWorker;
require("reflect-metadata");
const core_1 = require("@nestjs/core");
const nestjs_pino_1 = require("nestjs-pino");
const logging_module_1 = require("./common/logging.module");
const app_config_1 = require("./config/app-config");
const preflight_1 = require("./preflight");
const worker_module_1 = require("./worker.module");
/** The worker process: job processors and schedulers. Stops after finishing its active jobs. */
async function startWorker() {
    // The logger exists before the context: queue workers start during its creation, and lines buffered until
    // then would lose the job ids their jobs bind to them.
    const params = (0, logging_module_1.loggerParams)(new app_config_1.AppConfig());
    const app = await core_1.NestFactory.createApplicationContext(worker_module_1.WorkerModule, { logger: new nestjs_pino_1.Logger(new nestjs_pino_1.PinoLogger(params), params) });
    app.enableShutdownHooks();
    await app.init();
    return app;
}
if (require.main === module) {
    void (0, preflight_1.preflight)({ migrate: true }).then(async () => {
        await startWorker();
        process.stdout.write('Kursors worker started\n');
    });
}
