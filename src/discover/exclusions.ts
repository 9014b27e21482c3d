// The paths a scan leaves out whatever lists them (the walk, the staged index, history): default-excluded
// directories and generated files, binaries by name, .blast-radiusignore and the config's ignore patterns.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore from 'ignore';
import type { Notification } from '../model.js';
import { DEFAULT_EXCLUDED_DIRECTORIES, DEFAULT_EXCLUDED_FILES, isBinaryByName } from './walk.js';

export interface PathExclusions {
  /** True when a repo-relative path is not to be scanned. */
  excludes(path: string): boolean;
  /** Among the excluded: binary by its name (counted as a skipped binary, like the walk does). */
  binaryByName(path: string): boolean;
  notifications: Notification[];
}

const EXCLUDED_DIRECTORIES = new Set(DEFAULT_EXCLUDED_DIRECTORIES);

export function pathExclusions(root: string, ignorePaths: readonly string[]): PathExclusions {
  const notifications: Notification[] = [];
  const excluded = ignore().add(DEFAULT_EXCLUDED_FILES);
  const ignoreFile = join(root, '.blast-radiusignore');
  if (existsSync(ignoreFile)) {
    try {
      excluded.add(readFileSync(ignoreFile, 'utf8'));
    } catch (error) {
      notifications.push({ level: 'warning', code: 'unreadable', message: `Could not read ${ignoreFile}: ${String(error)}` });
    }
  }
  excluded.add([...ignorePaths]);
  return {
    excludes(path) {
      const segments = path.split('/');
      for (let index = 0; index < segments.length - 1; index++) if (EXCLUDED_DIRECTORIES.has(segments[index]!)) return true;
      return isBinaryByName(path) || excluded.ignores(path);
    },
    binaryByName: isBinaryByName,
    notifications,
  };
}
