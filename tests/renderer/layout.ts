import { vi } from 'vitest';

/**
 * jsdom lays nothing out, so a virtualised list would draw no rows: every element reports
 * this size (px), room for the rows a test needs. Undone by `vi.restoreAllMocks()`.
 */
export function giveElementsSize(px: number): void {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(px);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(px);
}
