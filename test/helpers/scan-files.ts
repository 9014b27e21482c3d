// Scans files written to a throwaway repository, removed when the test file ends.
import { afterAll } from 'vitest';
import type { ScanResult } from '../../src/model.js';
import { scan } from '../../src/scan.js';
import { makeRepo, type TempRepo } from './repo.js';

/** A `scanFiles(files)` for one test file: each call scans a new repository holding `files`. */
export function repositoryScanner(): (files: Record<string, string>) => Promise<ScanResult> {
  const repos: TempRepo[] = [];
  afterAll(() => repos.forEach((repo) => repo.remove()));
  return async (files) => {
    const repo = makeRepo(files);
    repos.push(repo);
    return scan({ root: repo.root });
  };
}
