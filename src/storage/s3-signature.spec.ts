import { canonicalQuery, EMPTY_SHA256, encodePath, S3Signer } from './s3-signature';

/** The example credentials and day of AWS's Signature Version 4 examples for S3. */
const signer = () =>
  new S3Signer({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' });
const day = new Date('2013-05-24T00:00:00Z');

describe('S3 request signing (AWS Signature Version 4)', () => {
  it("signs AWS's documented GET Object example to its documented signature", () => {
    const headers: Record<string, string> = { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9' };
    const authorization = signer().sign({ method: 'GET', path: '/test.txt', query: {}, headers, payloadHash: EMPTY_SHA256 }, day);
    expect(authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(headers).toMatchObject({ 'x-amz-date': '20130524T000000Z', 'x-amz-content-sha256': EMPTY_SHA256 });
  });

  it("signs AWS's documented list-objects example, whose query is part of the signature", () => {
    const authorization = signer().sign(
      {
        method: 'GET',
        path: '/',
        query: { prefix: 'J', 'max-keys': '2' },
        headers: { host: 'examplebucket.s3.amazonaws.com' },
        payloadHash: EMPTY_SHA256,
      },
      day,
    );
    expect(authorization).toContain('Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });

  it('encodes the query sorted by name, with the reserved characters percent-encoded and an empty value kept', () => {
    expect(canonicalQuery({ uploads: '', 'key-marker': 'a b*', 'continuation-token': 'x/y=+' })).toBe(
      'continuation-token=x%2Fy%3D%2B&key-marker=a%20b%2A&uploads=',
    );
    expect(encodePath('/bucket/a b/c~d')).toBe('/bucket/a%20b/c~d');
  });

  it('signs the next day with that day in the scope', () => {
    const s = signer();
    const first = s.sign({ method: 'GET', path: '/', query: {}, headers: { host: 'h' }, payloadHash: EMPTY_SHA256 }, day);
    const next = s.sign(
      { method: 'GET', path: '/', query: {}, headers: { host: 'h' }, payloadHash: EMPTY_SHA256 },
      new Date('2013-05-25T00:00:00Z'),
    );
    expect(first).toContain('/20130524/');
    expect(next).toContain('/20130525/');
    expect(next.slice(-64)).not.toBe(first.slice(-64));
  });
});
