import { z } from 'zod';

/** The private calendar feed's address (CalendarLink). */
export const calendarLinkBody = z
  .object({
    url: z.string().describe('The feed, https: keep it private.'),
    webcalUrl: z.string().describe('The same feed as webcal:, for calendar programs that subscribe.'),
  })
  .meta({ id: 'CalendarLink' });
