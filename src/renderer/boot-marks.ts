/**
 * Marks of the start, in the page's performance timeline (DevTools shows them; the cold-start
 * benchmark prints them): the script began, main's first answers were in, React committed.
 */
export const BOOT_MARKS = {
  script: 'doorman:script',
  data: 'doorman:data',
  committed: 'doorman:committed',
} as const;
