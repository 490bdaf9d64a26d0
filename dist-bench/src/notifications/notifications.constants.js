"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OUTBOX_SWEEP_QUEUE = exports.EMAIL_QUEUE = void 0;
exports.EMAIL_QUEUE = 'email-delivery';
exports.OUTBOX_SWEEP_QUEUE = 'outbox-sweep';
