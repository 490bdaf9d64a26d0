"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ZodValidationPipe = void 0;
exports.toFieldErrors = toFieldErrors;
exports.parseWith = parseWith;
exports.ApiZodBody = ApiZodBody;
exports.ApiZodQuery = ApiZodQuery;
exports.ApiZodResponse = ApiZodResponse;
exports.ApiErrorResponses = ApiErrorResponses;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const zod_1 = require("zod");
const errors_1 = require("./errors");
const schemas_1 = require("./schemas");
/** Turns zod issues into field errors whose codes are keys under `validation.` in the locale files. */
function toFieldErrors(issues) {
    return issues.map((issue) => {
        const field = issue.path.length ? issue.path.map(String).join('.') : '_';
        switch (issue.code) {
            case 'too_small':
                return { field, code: `tooSmall.${issue.origin}`, params: { min: Number(issue.minimum), count: Number(issue.minimum) } };
            case 'too_big':
                return { field, code: `tooBig.${issue.origin}`, params: { max: Number(issue.maximum), count: Number(issue.maximum) } };
            case 'invalid_format':
                return { field, code: `format.${issue.format}` };
            case 'invalid_value':
                return { field, code: 'oneOf', params: { values: issue.values.map(String).join(', ') } };
            case 'invalid_type':
                return { field, code: issue.input === undefined ? 'required' : `type.${issue.expected}` };
            case 'unrecognized_keys':
                return { field: issue.keys.join(', '), code: 'unknownField' };
            case 'custom':
                return { field, code: String(issue.params?.code ?? 'invalid'), params: issue.params?.values };
            default:
                return { field, code: 'invalid' };
        }
    });
}
class ZodValidationPipe {
    schema;
    constructor(schema) {
        this.schema = schema;
    }
    transform(value) {
        // zod 4 leaves the input out of its issues unless asked; without it a wrong type would read as "required".
        const result = this.schema.safeParse(value ?? {}, { reportInput: true });
        if (!result.success)
            throw new errors_1.ValidationFailedError(toFieldErrors(result.error.issues));
        return result.data;
    }
}
exports.ZodValidationPipe = ZodValidationPipe;
/** Validates with the schema, throwing ValidationFailedError with every bad field. */
function parseWith(schema, value) {
    return new ZodValidationPipe(schema).transform(value);
}
function jsonSchema(schema) {
    const { $schema: _ignored, ...rest } = zod_1.z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    return rest;
}
/** Documents a zod schema as the request body in OpenAPI. */
function ApiZodBody(schema) {
    return (0, common_1.applyDecorators)((0, swagger_1.ApiBody)({ schema: jsonSchema(schema) }));
}
/** Documents each property of a zod object schema as a query parameter in OpenAPI. */
function ApiZodQuery(schema) {
    return (0, common_1.applyDecorators)(...Object.entries(schema.shape).map(([name, field]) => (0, swagger_1.ApiQuery)({ name, required: !field.safeParse(undefined).success, schema: jsonSchema(field) })));
}
/** Documents a response whose body a zod schema describes. */
function ApiZodResponse(status, description, schema) {
    return (0, common_1.applyDecorators)((0, swagger_1.ApiResponse)({ status, description, ...(schema ? { schema: jsonSchema(schema) } : {}) }));
}
const ERROR_DESCRIPTIONS = {
    400: 'Invalid input: `errors` names each bad field.',
    401: 'Not signed in: no session and no valid API token.',
    403: 'Signed in without the role this needs, or a session write without X-CSRF-Token.',
    404: 'No such record.',
    409: 'Conflicts with the current state.',
    422: 'Understood but refused.',
};
/** Documents the error responses of an API route, all shaped `{ statusCode, code, message, errors? }`. */
function ApiErrorResponses(...statuses) {
    return (0, common_1.applyDecorators)(...statuses.map((status) => ApiZodResponse(status, ERROR_DESCRIPTIONS[status] ?? 'Error.', schemas_1.errorResponseSchema)));
}
