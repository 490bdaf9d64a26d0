/** How many lines a panel lists; each says how many there are in all and links to the page with the rest. */
export const SHOWN = 5;

/** The counts of a panel's groups (per cohort, per exam) added up. */
export const sum = <T>(items: readonly T[], of: (item: T) => number) => items.reduce((total, item) => total + of(item), 0);
