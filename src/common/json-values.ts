/** An instant as the API writes it (ISO 8601, UTC), or null; a timestamp read as text by raw SQL too. */
export function iso(date: Date | string | null | undefined): string | null {
  return date ? new Date(date).toISOString() : null;
}
