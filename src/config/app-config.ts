import { Injectable } from '@nestjs/common';
import { Env, parseEnv } from './env.schema';

/** Typed, validated settings; the one place the process environment is read. */
@Injectable()
export class AppConfig {
  readonly env: Readonly<Env>;

  constructor(env?: Env) {
    this.env = Object.freeze(env ?? parseEnv(process.env));
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }

  get secureCookies(): boolean {
    return this.env.PUBLIC_URL.startsWith('https:');
  }

  publicUrl(path: string): string {
    return new URL(path, this.env.PUBLIC_URL).toString();
  }
}
