"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const typeorm_1 = require("typeorm");
const env_schema_1 = require("../config/env.schema");
const data_source_options_1 = require("./data-source-options");
/** Used by the TypeORM CLI (migration:generate, migration:run) on the compiled code. */
exports.default = new typeorm_1.DataSource((0, data_source_options_1.dataSourceOptions)((0, env_schema_1.parseEnv)(process.env)));
