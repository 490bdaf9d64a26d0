"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.round = void 0;
exports.percentile = percentile;
/** The p-th percentile (0–100) by nearest rank. */
function percentile(values, p) {
    if (!values.length)
        return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[rank];
}
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
exports.round = round;
