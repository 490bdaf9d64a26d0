// The bare baseline: Express answering a small JSON body, nothing else.
const express = require('express');

const app = express();
app.get('/', (_req, res) => res.json({ hello: 'world' }));
app.listen(Number(process.env.PORT));
