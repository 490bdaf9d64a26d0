"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.csrfToken = csrfToken;
exports.rotateCsrfToken = rotateCsrfToken;
exports.csrfProtection = csrfProtection;
const node_crypto_1 = require("node:crypto");
const errors_1 = require("./errors");
const request_1 = require("./request");
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** RFC 8058 one-click unsubscribe is posted by mail clients without cookies or tokens. */
const EXEMPT_PATHS = [/^\/unsubscribe\/[^/]+$/];
/** The synchronizer token of this session, created on first use. */
function csrfToken(req) {
    req.session.csrfToken ??= (0, node_crypto_1.randomBytes)(32).toString('base64url');
    return req.session.csrfToken;
}
/** A new token after login, so a token seen before login is worthless after it. */
function rotateCsrfToken(req) {
    req.session.csrfToken = (0, node_crypto_1.randomBytes)(32).toString('base64url');
}
function matches(expected, given) {
    if (!expected || typeof given !== 'string')
        return false;
    const a = Buffer.from(expected);
    const b = Buffer.from(given);
    return a.length === b.length && (0, node_crypto_1.timingSafeEqual)(a, b);
}
/**
 * Every state-changing request carried by the session cookie must bring the session's token, in the
 * `_csrf` form field or the `X-CSRF-Token` header. Requests authenticated by an API token carry no
 * cookie and need none; nor do anonymous API calls, which no cookie can forge.
 */
function csrfProtection(req, _res, next) {
    if (SAFE_METHODS.has(req.method) || req.authMethod === 'token')
        return next();
    if (EXEMPT_PATHS.some((pattern) => pattern.test(req.path)))
        return next();
    if ((0, request_1.isApiRequest)(req) && !req.user)
        return next();
    const body = req.body;
    // A multipart body is read later by the upload handler, so such forms carry the token in their action URL.
    const fromQuery = req.is('multipart/form-data') ? req.query._csrf : undefined;
    const given = req.get('x-csrf-token') ?? body?._csrf ?? fromQuery;
    if (!matches(req.session?.csrfToken, given))
        return next(new errors_1.ForbiddenError('errors.csrf'));
    if (body && '_csrf' in body)
        delete body._csrf;
    next();
}
