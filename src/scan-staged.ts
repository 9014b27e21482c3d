// `scan --staged`: the blobs a commit is about to record, read from the index, scanned without walking the tree, so
// a pre-commit hook costs about the same in a ten-file and a ten-thousand-file repository.
import { loadConfig } from './config.js';
import { pathExclusions } from './discover/exclusions.js';
import { readStagedFiles, stagedBlobs } from './discover/staged.js';
import { NotAWorkTree, requireWorkTree } from './discover/work-tree.js';
import type { ScanResult } from './model.js';
import { DEFAULT_MAX_FILE_SIZE, scan, UsageError, type ScanOptions } from './scan.js';

export type StagedScanOptions = Omit<ScanOptions, 'files' | 'includeIgnored'>;

/**
 * Scans only the staged files, with their index content. Cross-file facts come from those files alone: a full
 * `scan` still sees the whole tree, the hook is the fast first line.
 */
export async function scanStaged(options: StagedScanOptions): Promise<ScanResult> {
  const { root } = workTree(options.root, '--staged');
  const config = options.config ?? loadConfig(root, options.configPath);
  const exclusions = pathExclusions(root, config.ignorePaths);
  const listed = stagedBlobs(root);
  const blobs = listed.filter((blob) => !exclusions.excludes(blob.path));
  const binaryByName = listed.filter((blob) => exclusions.binaryByName(blob.path)).length;
  const staged = await readStagedFiles(root, blobs, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  const result = await scan({ ...options, root, config, files: staged.files });
  result.notifications = [...exclusions.notifications, ...staged.notifications, ...result.notifications];
  result.stats.skippedBinary += staged.skippedBinary + binaryByName;
  result.stats.skippedTooLarge += staged.skippedTooLarge;
  result.stats.filesDiscovered = listed.length;
  return result;
}

export function workTree(path: string, mode: string): { root: string; topLevel: string } {
  try {
    return requireWorkTree(path, mode);
  } catch (error) {
    if (error instanceof NotAWorkTree) throw new UsageError(error.message);
    throw error;
  }
}
