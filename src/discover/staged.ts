// The files a commit is about to record, with their content from the index (what `git commit` will store), not
// from the working tree: one `git diff --cached --raw` for the list and one `git cat-file --batch` for the blobs.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { FileRef, Notification } from '../model.js';
import { git } from './git.js';
import { decode } from './read.js';

export interface StagedBlob {
  /** Relative to the scanned root, forward slashes. */
  path: string;
  objectId: string;
  mode: string;
}

export interface StagedFiles {
  files: FileRef[];
  notifications: Notification[];
  skippedBinary: number;
  skippedTooLarge: number;
}

const SUBMODULE = '160000';
const SYMLINK = '120000';

/**
 * Added, copied, modified and renamed entries of the index relative to HEAD (or to the empty tree before the first
 * commit), under `root`, with paths relative to it. Honours GIT_INDEX_FILE (`git commit <paths>` uses a temporary
 * index) because it asks git rather than reading .git/index.
 */
export function stagedBlobs(root: string): StagedBlob[] {
  const raw = git(root, ['-c', 'core.quotePath=false', 'diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-ext-diff', '--diff-filter=ACMR', '-M', '--relative']);
  const fields = raw.split('\0');
  const blobs: StagedBlob[] = [];
  for (let index = 0; index < fields.length; ) {
    const meta = fields[index++];
    if (!meta || !meta.startsWith(':')) continue;
    // ":<old mode> <new mode> <old id> <new id> <status>" then one path, or two for renames and copies.
    const [, mode, , objectId, status] = meta.slice(1).split(' ');
    const twoPaths = status?.startsWith('R') || status?.startsWith('C');
    if (twoPaths) index++;
    const path = fields[index++];
    if (!path || !mode || !objectId) continue;
    blobs.push({ path, objectId, mode });
  }
  return blobs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Reads the staged blobs into file refs with inline content; binaries, submodules and symlinks are left out. */
export async function readStagedFiles(root: string, blobs: readonly StagedBlob[], maxFileSize: number): Promise<StagedFiles> {
  const result: StagedFiles = { files: [], notifications: [], skippedBinary: 0, skippedTooLarge: 0 };
  const wanted = blobs.filter((blob) => blob.mode !== SUBMODULE && blob.mode !== SYMLINK);
  if (wanted.length === 0) return result;
  const contents = await catFileBatch(root, wanted.map((blob) => blob.objectId), maxFileSize);
  for (const blob of wanted) {
    const object = contents.get(blob.objectId);
    if (!object) {
      result.notifications.push({ level: 'warning', code: 'unreadable', message: `Could not read the staged content of ${blob.path} from the index; not scanned.`, path: blob.path });
      continue;
    }
    if (object.bytes === undefined) {
      result.skippedTooLarge++;
      result.notifications.push({
        level: 'note',
        code: 'too-large',
        message: `${blob.path} is larger than --max-file-size (${object.size} > ${maxFileSize} bytes); not scanned.`,
        path: blob.path,
      });
      continue;
    }
    const decoded = decode(object.bytes);
    if (decoded.kind !== 'text') {
      result.skippedBinary++;
      continue;
    }
    if (decoded.lossy) {
      result.notifications.push({ level: 'note', code: 'non-utf8', message: `${blob.path} is not valid UTF-8; scanned as Latin-1.`, path: blob.path });
    }
    result.files.push({ path: blob.path, absolutePath: join(root, blob.path), size: object.size, tracked: true, gitIgnored: false, content: decoded.text });
  }
  return result;
}

interface BatchObject {
  size: number;
  /** Undefined when the object is larger than the cap (its bytes were skipped, never held). */
  bytes?: Buffer;
}

/** One `git cat-file --batch` process for every object, its output parsed as it streams. */
function catFileBatch(cwd: string, objectIds: readonly string[], maxSize: number): Promise<Map<string, BatchObject>> {
  return new Promise((resolvePromise, reject) => {
    const objects = new Map<string, BatchObject>();
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let buffered: Buffer = Buffer.alloc(0);
    let current: { id: string; size: number; remaining: number; parts: Buffer[] | undefined } | undefined;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      for (;;) {
        if (!current) {
          const newline = buffered.indexOf(10);
          if (newline < 0) return;
          const header = buffered.subarray(0, newline).toString('utf8').split(' ');
          buffered = buffered.subarray(newline + 1);
          if (header[1] === 'missing' || header.length < 3) continue;
          const size = Number(header[2]);
          current = { id: header[0]!, size, remaining: size + 1, parts: size <= maxSize ? [] : undefined };
        }
        const take = Math.min(current.remaining, buffered.length);
        if (take === 0) return;
        current.parts?.push(buffered.subarray(0, take));
        buffered = buffered.subarray(take);
        current.remaining -= take;
        if (current.remaining > 0) return;
        // The object is followed by one LF, which the size does not count.
        const bytes = current.parts ? Buffer.concat(current.parts).subarray(0, current.size) : undefined;
        objects.set(current.id, { size: current.size, bytes });
        current = undefined;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise(objects) : reject(new Error(stderr.trim() || `git cat-file exited with ${code}`))));
    child.stdin.end(`${[...new Set(objectIds)].join('\n')}\n`);
  });
}
