"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pageHref = pageHref;
exports.pager = pager;
/** The link to one page of a list, keeping its filters; empty filters are left out. */
function pageHref(path, filters, page) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) {
        if (key === 'page' || value === undefined || value === null || value === '')
            continue;
        params.set(key, value instanceof Date ? value.toISOString() : String(value));
    }
    if (page > 1)
        params.set('page', String(page));
    const query = params.toString();
    return query ? `${path}?${query}` : path;
}
/** The pager of a list page; `filters` are the parsed query (with page and pageSize). */
function pager(path, filters, total) {
    const { page, pageSize } = filters;
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const from = total === 0 ? 0 : Math.min(total, (page - 1) * pageSize + 1);
    const to = Math.min(total, page * pageSize);
    return {
        page,
        pageCount,
        multiplePages: pageCount > 1,
        total,
        from,
        to: Math.max(from, to),
        previous: page > 1 ? pageHref(path, filters, Math.min(page - 1, pageCount)) : null,
        next: page < pageCount ? pageHref(path, filters, page + 1) : null,
    };
}
