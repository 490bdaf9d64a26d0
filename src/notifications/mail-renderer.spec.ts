import { AppConfig } from '../config/app-config';
import { I18nService } from '../i18n/i18n.service';
import { MailRenderer } from './mail-renderer';

const renderer = new MailRenderer(new I18nService(), new AppConfig());

describe('MailRenderer', () => {
  it('renders a notice in Latvian with its title as the subject', () => {
    const email = renderer.render('notice', 'lv', {
      title: 'Nodarbība pārcelta uz 12. oktobri',
      name: 'Jānis Bērziņš',
      lines: ['Nodarbība notiks Rēzeknē.', 'Līdzi ņemiet piezīmes.'],
      link: 'https://kursors.test/sessions/1',
    });
    expect(email.subject).toBe('Nodarbība pārcelta uz 12. oktobri');
    expect(email.text.trimEnd()).toBe(
      [
        'Labdien, Jānis Bērziņš!',
        '',
        'Nodarbība notiks Rēzeknē.',
        '',
        'Līdzi ņemiet piezīmes.',
        '',
        'Atvērt Kursorā: https://kursors.test/sessions/1',
        '',
        '',
        '--',
        'Šī ir automātiska ziņa no mācību platformas Kursors.',
        'Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu. Par informācijas saturu atbild Daugavpils pilsētas dome.',
      ].join('\n'),
    );
    expect(email.html).toContain('<html lang="lv">');
    expect(email.html).toContain('<p>Labdien, Jānis Bērziņš!</p>');
    expect(email.html).toContain('href="https://kursors.test/sessions/1"');
  });

  it('escapes what the data carries in the HTML part', () => {
    const email = renderer.render('notice', 'en', { title: 'Grade released', lines: ['<img src=x onerror=alert(1)>'] });
    expect(email.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(email.html).not.toContain('<img');
    expect(email.text).toContain('<img src=x onerror=alert(1)>');
  });

  it('adds the unsubscribe link when the email has one', () => {
    const email = renderer.render('notice', 'lv', {
      title: 'Atgādinājums',
      lines: ['Rīt.'],
      unsubscribeUrl: 'https://kursors.test/unsubscribe/t',
    });
    expect(email.text).toContain('Atteikties no šādiem e-pastiem: https://kursors.test/unsubscribe/t');
    expect(email.html).toContain('href="https://kursors.test/unsubscribe/t"');
  });

  it('refuses a template name that could leave the email views folder', () => {
    expect(() => renderer.render('../pages/error', 'lv', {})).toThrow('Invalid email template name');
  });
});
