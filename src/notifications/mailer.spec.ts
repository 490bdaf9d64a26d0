import { mailOptions } from './mailer';
import type { OutboxMessage } from './outbox-message.entity';

const message = (overrides: Partial<OutboxMessage>): OutboxMessage =>
  ({
    id: 'a9547d8c-39c6-4d23-9bff-c0a498f3f745',
    recipientEmail: 'liga@daugavpils.lv',
    subject: 'Atgādinājums: nodarbība rīt',
    html: '<p>Rīt</p>',
    text: 'Rīt',
    messageId: '<a9547d8c-39c6-4d23-9bff-c0a498f3f745@kursors.test>',
    category: 'reminder',
    data: { unsubscribeUrl: 'https://kursors.test/unsubscribe/abc.def' },
    ...overrides,
  }) as OutboxMessage;

describe('mailOptions', () => {
  it("sends with the outbox row's Message-ID, both parts and the configured sender", () => {
    const options = mailOptions(message({}), 'Kursors <kursors@daugavpils.lv>');
    expect(options).toMatchObject({
      from: 'Kursors <kursors@daugavpils.lv>',
      to: 'liga@daugavpils.lv',
      subject: 'Atgādinājums: nodarbība rīt',
      messageId: '<a9547d8c-39c6-4d23-9bff-c0a498f3f745@kursors.test>',
      html: '<p>Rīt</p>',
      text: 'Rīt',
    });
  });

  it('offers RFC 8058 one-click unsubscribe on reminders and updates', () => {
    for (const category of ['reminder', 'update'] as const) {
      expect(mailOptions(message({ category }), 'k@x').headers).toMatchObject({
        'List-Unsubscribe': '<https://kursors.test/unsubscribe/abc.def>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      });
    }
  });

  it('offers no unsubscribe on account emails', () => {
    const headers = mailOptions(message({ category: 'account', data: {} }), 'k@x').headers as Record<string, string>;
    expect(headers['List-Unsubscribe']).toBeUndefined();
    expect(headers['List-Unsubscribe-Post']).toBeUndefined();
    expect(headers['Auto-Submitted']).toBe('auto-generated');
  });
});
