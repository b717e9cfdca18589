/**
 * The system clipboard, injected so services run under Node. Async like Electron's own
 * (its clipboard API returns promises). The Electron adapter is `electron-clipboard.ts`;
 * tests and the web bridge use `createMemoryClipboard`.
 */
export interface Clipboard {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void>;
}

export function createMemoryClipboard(): Clipboard & { text: string } {
  const board = {
    text: '',
    async writeText(text: string) {
      board.text = text;
    },
    async readText() {
      return board.text;
    },
    async clear() {
      board.text = '';
    },
  };
  return board;
}
