import { applyDecorators, type INestApplication } from '@nestjs/common';
import { ApiBody, ApiProduces, ApiQuery, ApiResponse, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { SESSION_COOKIE } from './cookies';
import { errorResponseSchema } from './schemas';

/**
 * The OpenAPI document, served at /api/docs, and the decorators that feed it. It declares OpenAPI 3.0: zod
 * writes JSON Schema in 3.0's dialect (`nullable`, no `const`), and 3.0 is the version every linter and
 * client generator reads fully. Body schemas are named with `.meta({ id })` and land in components.schemas.
 */

const COMPONENTS = '#/components/schemas/';
type Json = Record<string, unknown>;

/**
 * Keeps what OpenAPI 3.0 allows and a reader needs: no `$id`, no regular expression beside a format, and a
 * nullable reference typed as 3.0 wants it (`nullable` means nothing without a `type` beside it).
 */
function tidy(node: unknown, forResponse: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => tidy(item, forResponse));
  if (!node || typeof node !== 'object') return node;
  const out: Json = (node as Json).nullable && (node as Json).allOf && !(node as Json).type ? { type: 'object' } : {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === '$id' || key === '$schema' || key === 'definitions') continue;
    if (key === 'pattern' && 'format' in (node as Json)) continue;
    if ((key === 'minimum' || key === 'maximum') && Math.abs(value as number) === Number.MAX_SAFE_INTEGER) continue;
    // A client should accept fields added later; requests stay strict, as the server is.
    if (key === 'additionalProperties' && value === false && forResponse) continue;
    out[key] = key === '$ref' && typeof value === 'string' ? value.replace('#/definitions/', COMPONENTS) : tidy(value, forResponse);
  }
  return out;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Json {
  return tidy(z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }), io === 'output') as Json;
}

/** Every named schema, as components.schemas. */
function namedSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: 'openapi-3.0',
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => COMPONENTS + id,
  });
  return tidy(schemas, true) as Record<string, Json>;
}

function ref(schema: z.ZodType): { $ref: string } {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error('An API body schema needs a name: add .meta({ id: "Name" }) to it.');
  return { $ref: COMPONENTS + id };
}

/** A list `{ items: [...] }` of a named schema, itself named. */
export function listOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ items: z.array(item) }).meta({ id });
}

/** One page `{ items, total, page, pageSize }` of a named schema, itself named. */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id });
}

/** Documents a zod schema as the request body. */
export function ApiZodBody(schema: z.ZodType) {
  return ApiBody({ schema: jsonSchema(schema) as never });
}

/** Documents each property of a zod object schema as a query parameter. */
export function ApiZodQuery(schema: z.ZodObject) {
  return applyDecorators(
    ...Object.entries(schema.shape).map(([name, field]) =>
      ApiQuery({ name, required: !(field as z.ZodType).safeParse(undefined).success, schema: jsonSchema(field as z.ZodType) as never }),
    ),
  );
}

/** A response with a named JSON body, or none. */
export const ApiZodResponse = (status: number, description: string, schema?: z.ZodType) =>
  ApiResponse({ status, description, ...(schema ? { schema: ref(schema) } : {}) });

/** 200 with a named JSON body. */
export const ApiOk = (schema: z.ZodType, description = 'OK.') => ApiResponse({ status: 200, description, schema: ref(schema) });

/** 200 with a named JSON body served as a media type of its own (a DID document, a key set). */
export const ApiOkAs = (schema: z.ZodType, type: string, description = 'OK.') =>
  applyDecorators(ApiProduces(type), ApiResponse({ status: 200, description, content: { [type]: { schema: ref(schema) } } }));

/** 201 with the named JSON body of what was made. */
export const ApiCreated = (schema: z.ZodType, description = 'Created.') => ApiResponse({ status: 201, description, schema: ref(schema) });

/** 202: taken, to be done in the background; no body. */
export const ApiAccepted = (description = 'Accepted; it is done in the background.') => ApiResponse({ status: 202, description });

/** 204: done, no body. */
export const ApiNoContent = (description = 'Done.') => ApiResponse({ status: 204, description });

/** 200 with a file of one of these types. */
export function ApiFile(...types: string[]) {
  return applyDecorators(
    ApiProduces(...types),
    ApiResponse({
      status: 200,
      description: 'The file.',
      content: Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
    }),
  );
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `errors` names each bad field.',
  401: 'Not signed in: no session and no valid API token.',
  403: 'Signed in without the role this needs, or a session write without X-CSRF-Token.',
  404: 'No such record, or not one you may see.',
  409: 'Conflicts with the current state.',
  410: 'Gone: it has expired.',
  413: 'Too large.',
  422: 'Understood but refused.',
  429: 'Too many requests; try again later.',
  503: 'A service the platform needs is not reachable; try again after Retry-After.',
};

/** Error responses beyond those every operation gets (see withErrors), all shaped as the Error schema. */
export function ApiErrorResponses(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERROR_DESCRIPTIONS[status] ?? 'Error.', schema: ref(errorResponseSchema) }),
    ),
  );
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const WRITES = new Set(['post', 'put', 'patch', 'delete']);
type Operation = { security?: Json[]; responses: Record<string, Json>; parameters?: { in: string }[]; requestBody?: unknown };

function errorResponse(status: number): Json {
  return { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema: ref(errorResponseSchema) } } };
}

/**
 * The errors any operation can answer, named once here rather than on every route: 401 and 403 where it needs
 * a caller, 400 where it takes input, 404 where the path names a record, 503 everywhere.
 */
function withErrors(path: string, operation: Operation, secured: boolean): void {
  const statuses = [
    ...(operation.requestBody || operation.parameters?.some((p) => p.in === 'query') ? [400] : []),
    ...(secured ? [401, 403] : []),
    ...(path.includes('{') ? [404] : []),
    503,
  ];
  for (const status of statuses) operation.responses[status] ??= errorResponse(status);
  // A route that sends a file still answers its errors in JSON.
  for (const [status, response] of Object.entries(operation.responses)) {
    if (Number(status) >= 400 && !(response.content as Json | undefined)?.['application/json'])
      operation.responses[status] = errorResponse(Number(status));
  }
}

/** A bearer token, or the session cookie (which on writes also needs the CSRF header). Public routes say so. */
function securityOf(method: string, operation: Operation): Json[] {
  if (!operation.security?.length) return [];
  return [{ bearer: [] }, WRITES.has(method) ? { cookie: [], csrf: [] } : { cookie: [] }];
}

export function buildOpenApiDocument(app: INestApplication, publicUrl: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Kursors API')
    .setDescription(
      'Programmes, schedules, attendance, materials, coursework and grading of Kursors. Authenticate with ' +
        '`Authorization: Bearer <personal API token>` (made on the profile page), or from a signed-in browser with the session ' +
        'cookie plus the `X-CSRF-Token` header on writes. Errors answer `{ statusCode, code, message, errors }`.',
    )
    .setVersion('1')
    .addServer(publicUrl)
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'personal API token',
        description: 'A personal API token (an opaque string, not a JWT).',
      },
      'bearer',
    )
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', description: 'The session of a signed-in browser.' }, 'cookie')
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-CSRF-Token',
        description: 'With the session cookie, on every write: the token of the signed-in page.',
      },
      'csrf',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      if (!METHODS.has(method)) continue;
      operation.security = securityOf(method, operation);
      withErrors(path, operation, operation.security.length > 0);
    }
  }
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...namedSchemas() } };
  return document;
}
