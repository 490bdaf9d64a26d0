"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.downloadFile = downloadFile;
const common_1 = require("@nestjs/common");
const file_names_1 = require("../storage/file-names");
/**
 * Sends a stored file as a download under its original name. The stored type was checked from the content;
 * nosniff and a sandboxing policy keep a browser from running it as anything else.
 */
function downloadFile(res, { material, content }) {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    return new common_1.StreamableFile(content, {
        type: material.mimeType,
        length: Number(material.size),
        disposition: (0, file_names_1.contentDisposition)(material.fileName),
    });
}
