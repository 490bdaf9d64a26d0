import { pageHref, pager } from './paging';

describe('pager', () => {
  it('links to the neighbouring pages and keeps the filters', () => {
    const p = pager('/admin/users', { q: 'Bērziņa', role: 'trainee', status: undefined, page: 2, pageSize: 10 }, 35);
    expect(p).toMatchObject({ page: 2, pageCount: 4, total: 35, from: 11, to: 20 });
    expect(p.previous).toBe('/admin/users?q=B%C4%93rzi%C5%86a&role=trainee&pageSize=10');
    expect(p.next).toBe('/admin/users?q=B%C4%93rzi%C5%86a&role=trainee&pageSize=10&page=3');
  });

  it('has no neighbours on a single page', () => {
    expect(pager('/x', { page: 1, pageSize: 25 }, 3)).toMatchObject({ pageCount: 1, from: 1, to: 3, previous: null, next: null });
  });

  it('shows nothing counted when the list is empty', () => {
    expect(pager('/x', { page: 1, pageSize: 25 }, 0)).toMatchObject({ pageCount: 1, from: 0, to: 0, previous: null, next: null });
  });

  it('leads back from a page past the end', () => {
    const p = pager('/x', { page: 9, pageSize: 10 }, 25);
    expect(p.previous).toBe('/x?pageSize=10&page=3');
    expect(p.next).toBeNull();
  });

  it('leaves empty filters out of the link', () => {
    expect(pageHref('/x', { q: '', role: null, page: 1 }, 1)).toBe('/x');
  });
});
