// The built web process (dist/main.js) under V8's sampling profiler: `BENCH_CPU_PROFILE=<dir> npm run bench -- …`
// starts web processes through this file, and each writes <dir>/web-<pid>.cpuprofile when it is stopped
// (open it in Chrome DevTools, or sum it by function). A signal ends a process without Node's own --cpu-prof
// output, hence the inspector.
const { writeFileSync } = require('node:fs');
const { Session } = require('node:inspector');
const { join } = require('node:path');

const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 200 });
session.post('Profiler.start');

process.prependListener('SIGTERM', () => {
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(join(process.env.BENCH_CPU_PROFILE, `web-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});

require('../dist/main.js');
