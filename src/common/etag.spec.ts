import express from 'express';
import fc from 'fast-check';
import request from 'supertest';
import { weakEtag } from './etag';

/** An application answering `?body=` as text, and as JSON at /json, with the given ETag setting. */
function app(setting: unknown) {
  const made = express();
  made.set('etag', setting);
  made.get('/', (req, res) => res.send(String(req.query.body ?? '')));
  made.get('/json', (req, res) => res.json({ body: req.query.body }));
  return made;
}

const expressDefault = app('weak');
const ours = app(weakEtag);

describe('weakEtag', () => {
  it("gives every response the ETag Express's default gives it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom('/', '/json'), async (body, path) => {
        const query = { body };
        const [expected, actual] = await Promise.all([
          request(expressDefault).get(path).query(query),
          request(ours).get(path).query(query),
        ]);
        expect(actual.headers.etag).toMatch(/^W\/"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/);
        expect(actual.headers.etag).toBe(expected.headers.etag);
      }),
      { numRuns: 60 },
    );
  });

  it('gives an empty body the fixed tag and still answers a matching If-None-Match with 304', async () => {
    expect((await request(ours).get('/')).headers.etag).toBe((await request(expressDefault).get('/')).headers.etag);
    const first = await request(ours).get('/').query({ body: 'ā' });
    expect(first.headers.etag).toMatch(/^W\/"2-/);
    expect((await request(ours).get('/').query({ body: 'ā' }).set('If-None-Match', first.headers.etag)).status).toBe(304);
  });
});
