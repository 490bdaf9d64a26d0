import type { CalendarLink } from './calendar.service';

/** The page of one's private calendar link, with the button that makes a new one. */
export function calendarPage(link: CalendarLink) {
  return { titleKey: 'calendar.page.title', link };
}
