"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.materialFieldsSchema = void 0;
const zod_1 = require("zod");
const schemas_1 = require("../common/schemas");
/** The text fields of an upload form; the file itself is checked by the storage module. */
exports.materialFieldsSchema = zod_1.z.object({
    title: (0, schemas_1.requiredText)(300),
});
