"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withFormLocals = withFormLocals;
/**
 * Runs a page form's work. When it fails, loads what the form page shows besides the submitted values
 * (the record, select options) into `res.locals`, so the FormView interceptor can render the form again.
 */
async function withFormLocals(res, load, work) {
    try {
        return await work();
    }
    catch (error) {
        Object.assign(res.locals, await load().catch(() => ({})));
        throw error;
    }
}
