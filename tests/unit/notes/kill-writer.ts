// Child process for the "killed in the middle of a write" test: saves one note over and
// over, each version a different, self-checking text, until it is killed.
import { NotesService } from '../../../src/main/services/notes/notes-service';

const dir = process.argv[2]!;
const notes = new NotesService({ dataDir: dir, clock: () => new Date() });
const existing = notes.list().items[0];
const id = existing?.id ?? notes.create({ text: 'version 0' }).id;
process.stdout.write(`ready ${id}\n`);
for (let version = 1; ; version++) {
  // Large enough that a write takes a while, so the kill often lands inside one.
  const body = `version ${version}\n${String(version % 10).repeat(60_000)}\nend ${version}`;
  notes.save(id, body);
  if (version % 5 === 0) process.stdout.write(`saved ${version}\n`);
}
