import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { HAPROXY_CONFIG, requireHaproxy } from './support/load-balancer';

const ROOT = join(__dirname, '..');

interface Service {
  '<<'?: Service;
  image?: string;
  build?: string;
  command?: string[];
  profiles?: string[];
  deploy?: { replicas?: string | number };
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  expose?: string[];
  networks?: Record<string, { aliases?: string[] }>;
  env_file?: { path: string; required: boolean }[];
}

/** docker-compose.yml as Compose reads it: a service's `<<` merged under its own keys. */
function compose(): Record<string, Service> {
  const file = load(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
  return Object.fromEntries(Object.entries(file.services).map(([name, { '<<': base, ...own }]) => [name, { ...base, ...own }]));
}

/** `${NAME:-default}` as Compose fills it when NAME is not set. */
const byDefault = (value: string | number | undefined) => Number(String(value ?? 1).replace(/^\$\{\w+:-(\d+)\}$/, '$1'));

const runs = (services: Service[], script: string) =>
  services.filter((s) => s.command?.join(' ') === `node ${script}`).reduce((n, s) => n + byDefault(s.deploy?.replicas), 0);

/** docker-compose.yml and the load balancer's configuration, checked without Docker (which does not run here). */
describe('deployment files', () => {
  const services = compose();
  const inProfile = (profile?: string) => Object.values(services).filter((s) => !s.profiles || (profile && s.profiles.includes(profile)));

  it('runs one web process and one worker, and two of each with the "scale" profile, all from the same image and settings', () => {
    expect({ web: runs(inProfile(), 'dist/main.js'), workers: runs(inProfile(), 'dist/worker.js') }).toEqual({ web: 1, workers: 1 });
    expect({ web: runs(inProfile('scale'), 'dist/main.js'), workers: runs(inProfile('scale'), 'dist/worker.js') }).toEqual({
      web: 2,
      workers: 2,
    });
    const app = ['web', 'worker', 'web-2', 'worker-2'].map((name) => services[name]);
    expect(new Set(app.map((s) => s.image))).toEqual(new Set(['kursors:latest']));
    for (const s of app) {
      // One SESSION_SECRET for every web process, and the balancer's X-Forwarded-For believed.
      expect(s.environment).toMatchObject({ SESSION_SECRET: '${SESSION_SECRET:-}', TRUST_PROXY: 'true', PORT: '3000' });
      expect(s.volumes).toContain('uploads:/app/uploads');
    }
    // The balancer finds web processes by the name "web": the second one answers to it too.
    expect(services['web-2'].networks?.default?.aliases).toEqual(['web']);
  });

  it('puts HAProxy in front with the repository’s configuration, on the port its configuration binds', () => {
    const proxy = services.proxy;
    expect(proxy.image).toMatch(/^haproxy:/);
    expect(proxy.volumes).toEqual(['./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro']);
    const config = readFileSync(HAPROXY_CONFIG, 'utf8');
    const bind = /^\s*bind "\$\{KURSORS_LB_BIND-:(\d+)\}"/m.exec(config)?.[1];
    expect(proxy.ports).toEqual([`\${KURSORS_PORT:-3000}:${bind}`]);
    expect(config).toMatch(/^\s*server-template web \d+-\d+ web:3000 /m);
    expect(config).toMatch(/^\s*http-check send meth GET uri \/health\/ready$/m);
  });

  it('keeps Redis on disk and never evicts a queue’s keys', () => {
    const command = services.redis.command!.join(' ');
    expect(command).toContain('--appendonly yes');
    expect(command).toContain('--maxmemory-policy noeviction');
  });

  it('names only files that exist', () => {
    const named = Object.values(services).flatMap((s) => [
      ...(s.build ? [join(s.build, 'Dockerfile')] : []),
      ...(s.volumes ?? []).filter((v) => v.startsWith('./')).map((v) => v.split(':')[0]),
    ]);
    expect(named.length).toBeGreaterThan(1);
    expect(named.filter((file) => !existsSync(join(ROOT, file)))).toEqual([]);
  });

  it('has a load balancer configuration HAProxy accepts', () => {
    requireHaproxy();
    expect(() => execFileSync('haproxy', ['-c', '-q', '-f', HAPROXY_CONFIG], { stdio: 'pipe' })).not.toThrow();
  });
});
