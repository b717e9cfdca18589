import fs from 'node:fs';
import path from 'node:path';

/** Every file under a directory, as text: for "this secret is on no disk file" checks. */
export function readEveryFile(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.push({ file, text: fs.readFileSync(file).toString('latin1') });
  }
  return out;
}
