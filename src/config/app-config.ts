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

  /** MAIL_FROM as a name and an address; it may be `Name <address>` or a bare address. */
  get sender(): { name: string; email: string } {
    const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(this.env.MAIL_FROM);
    return match ? { name: match[1] || match[2].trim(), email: match[2].trim() } : { name: 'Kursors', email: this.env.MAIL_FROM };
  }

  publicUrl(path: string): string {
    return new URL(path, this.env.PUBLIC_URL).toString();
  }
}
