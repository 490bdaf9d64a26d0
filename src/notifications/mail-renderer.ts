import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { registerViewHelpers } from '../common/view-helpers';
import { AppConfig } from '../config/app-config';
import { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';

export const EMAIL_VIEWS_DIR = join(__dirname, '..', '..', 'views', 'emails');

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

type Template = Handlebars.TemplateDelegate;

/**
 * Renders views/emails/<name>.html.hbs and <name>.text.hbs inside the email layouts,
 * in the recipient's language; the subject is the `emails.<name>.subject` message. The footer carries the
 * publicity statement whole, as the pages do.
 */
@Injectable()
export class MailRenderer {
  private readonly engine = Handlebars.create();
  private readonly cache = new Map<string, Template>();

  constructor(
    private readonly i18n: I18nService,
    private readonly config: AppConfig,
  ) {
    registerViewHelpers(this.engine, i18n);
  }

  render(template: string, lang: Language, data: Record<string, unknown>): RenderedEmail {
    if (!/^[a-z0-9-]+$/.test(template)) throw new Error(`Invalid email template name: ${template}`);
    const subject = this.i18n.t(lang, `emails.${template}.subject`, data as never);
    const context = { ...data, lang, subject, fundingStatement: this.config.env.FUNDING_STATEMENT };
    const html = this.compile('layout.html')({ ...context, body: new Handlebars.SafeString(this.compile(`${template}.html`)(context)) });
    const text = this.compile('layout.text')({ ...context, body: this.compile(`${template}.text`)(context) });
    return { subject, html, text };
  }

  private compile(name: string): Template {
    let compiled = this.cache.get(name);
    if (!compiled) {
      const source = readFileSync(join(EMAIL_VIEWS_DIR, `${name}.hbs`), 'utf8');
      compiled = this.engine.compile(source, { strict: false, noEscape: name.endsWith('.text') });
      this.cache.set(name, compiled);
    }
    return compiled;
  }
}
