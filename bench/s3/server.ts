import { S3TestServer } from '../../test/support/s3-server';

/**
 * The in-process S3-compatible test server in a process of its own, so the client under measure has its own
 * core: prints `port <n>` when it listens, stops on SIGTERM.
 */
void new S3TestServer().start().then((server) => {
  process.stdout.write(`port ${new URL(server.endpoint).port}\n`);
  process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
});
