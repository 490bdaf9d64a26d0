// The bare upload baseline: Node's http server writing each request body to a file as it arrives, nothing else
// (no multipart parsing, no hashing, no database). BASELINE_FLUSH=1 flushes each file to disk before answering,
// as the app's storage does, to tell that cost apart from the rest.
const { createWriteStream } = require('node:fs');
const { createServer } = require('node:http');
const { join } = require('node:path');
const { pipeline } = require('node:stream');

const dir = process.env.BASELINE_UPLOAD_DIR;
if (!dir) throw new Error('BASELINE_UPLOAD_DIR is not set');
const flush = process.env.BASELINE_FLUSH === '1';
let received = 0;

createServer((req, res) => {
  if (req.method !== 'POST') return res.end('ok');
  const name = `upload-${process.pid}-${(received += 1)}.bin`;
  pipeline(req, createWriteStream(join(dir, name), { flags: 'wx', flush }), (error) => {
    res.writeHead(error ? 500 : 201, { 'content-type': 'application/json' });
    res.end(JSON.stringify(error ? { error: error.message } : { name }));
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
