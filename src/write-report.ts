// Writes a report file the way readers expect: never half a file in place of the old one, never a regular file in
// place of a device.
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Writes next to the target and renames, so a reader never sees half a report. Only a regular file (or a new one) is
 * replaced that way: a device, pipe or socket (`-o /dev/null`, `-o /dev/stdout`, a FIFO a CI step reads) is written
 * to in place, or the rename would put a regular file where the device was.
 */
export function writeAtomically(path: string, content: string): void {
  const target = resolve(path);
  let existing;
  try {
    existing = statSync(target);
  } catch {
    existing = undefined;
  }
  if (existing && !existing.isFile()) {
    writeFileSync(target, content);
    return;
  }
  makeDirectory(dirname(target));
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, target);
}

/**
 * Creates a directory and its missing parents, one level at a time. Node's own `recursive: true` never returns where
 * a parent exists but refuses children with ENOENT (`-o /proc/x/report.json` spun a core); each level here is tried
 * once, so such a refusal reaches the caller as an error.
 */
function makeDirectory(directory: string): void {
  let existing;
  try {
    existing = statSync(directory);
  } catch {
    const parent = dirname(directory);
    if (parent !== directory) makeDirectory(parent);
  }
  if (existing?.isDirectory()) return;
  if (existing) throw new Error(`${directory} is not a directory`);
  mkdirSync(directory);
}
