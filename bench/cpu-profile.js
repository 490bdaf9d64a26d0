// Preloaded (`node --require bench/cpu-profile.js dist/main.js`) into the built web and worker processes when
// `BENCH_CPU_PROFILE=<dir> npm run bench -- …` names a folder: V8's sampling profiler runs from the start, and
// each process writes <dir>/<web|worker>-<pid>.cpuprofile when it is stopped (open it in Chrome DevTools, or sum
// it by function). A signal ends a process without Node's own --cpu-prof output, hence the inspector.
const { writeFileSync } = require('node:fs');
const { Session } = require('node:inspector');
const { basename, join } = require('node:path');

const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 200 });
session.post('Profiler.start');

const kind = basename(process.argv[1] ?? 'main.js', '.js') === 'worker' ? 'worker' : 'web';
process.prependListener('SIGTERM', () => {
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(join(process.env.BENCH_CPU_PROFILE, `${kind}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
