"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isApiRequest = isApiRequest;
exports.clientIp = clientIp;
function isApiRequest(req) {
    return req.path.startsWith('/api/');
}
function clientIp(req) {
    return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
