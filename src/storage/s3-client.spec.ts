import { S3Client } from './s3-client';

const settings = { region: 'eu-north-1', bucket: 'kursors-files', accessKeyId: 'k', secretAccessKey: 's' };

describe('S3 client addresses', () => {
  it("uses AWS's endpoint of the region, with the bucket in the host name, when no endpoint is set", () => {
    const client = new S3Client({ ...settings, forcePathStyle: false });
    expect(client.urlOf('material-0123').toString()).toBe('https://kursors-files.s3.eu-north-1.amazonaws.com/material-0123');
    expect(client.urlOf(undefined, { 'list-type': '2' }).toString()).toBe('https://kursors-files.s3.eu-north-1.amazonaws.com/?list-type=2');
    client.close();
  });

  it('puts the bucket in the path when told to, after any path of the endpoint', () => {
    const client = new S3Client({ ...settings, endpoint: 'http://minio:9000/storage/', forcePathStyle: true });
    expect(client.urlOf('material-0123', { partNumber: '2', uploadId: 'a/b+c' }).toString()).toBe(
      'http://minio:9000/storage/kursors-files/material-0123?partNumber=2&uploadId=a%2Fb%2Bc',
    );
    expect(client.urlOf(undefined, { uploads: '' }).toString()).toBe('http://minio:9000/storage/kursors-files?uploads=');
    client.close();
  });
});
