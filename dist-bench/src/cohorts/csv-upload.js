"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CSV_UPLOAD = void 0;
const platform_express_1 = require("@nestjs/platform-express");
/** One CSV file in the `file` field, kept in memory, at most 1 MB. */
exports.CSV_UPLOAD = (0, platform_express_1.FileInterceptor)('file', { limits: { fileSize: 1_000_000, files: 1 } });
