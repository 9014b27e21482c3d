// Copies a fixture repo from fixtures/ into a temp git repository (fixtures cannot hold their own .git or
// .gitignore inside this repo), so a scan sees real tracked and ignored state.
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeRepo, type TempRepo } from './repo.js';

export const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;

/** The fixture's expectations: the exact findings of the named detectors (others' findings are not asserted here). */
export interface FixtureExpectation {
  /** Detector ids (or rule-id prefixes) whose findings must equal `findings` exactly. */
  detectors: string[];
  /** Severity and scope rating are compared when the expectation names them. */
  findings: Array<{ rule: string; path: string; line: number; severity?: string; scope?: string }>;
  /** Scan options the fixture needs. */
  includeIgnored?: boolean;
}

/** `fixtures/<group>/<scenario>` folders that carry an `expected.json`. */
export function listFixtures(): Array<{ name: string; dir: string; expected: FixtureExpectation }> {
  const found: Array<{ name: string; dir: string; expected: FixtureExpectation }> = [];
  if (!existsSync(FIXTURES)) return found;
  for (const group of readdirSync(FIXTURES).sort()) {
    const groupDir = join(FIXTURES, group);
    if (!statSync(groupDir).isDirectory()) continue;
    for (const scenario of readdirSync(groupDir).sort()) {
      const dir = join(groupDir, scenario);
      const expectedPath = join(dir, 'expected.json');
      if (!statSync(dir).isDirectory() || !existsSync(expectedPath)) continue;
      found.push({ name: `${group}/${scenario}`, dir, expected: JSON.parse(readFileSync(expectedPath, 'utf8')) as FixtureExpectation });
    }
  }
  return found;
}

/**
 * Materialises a fixture: every file but expected.json, with `gitignore.fixture` files renamed to `.gitignore`
 * (so this repository's own git does not apply them), then `git init` and stage what is not ignored.
 */
export function materialise(dir: string): TempRepo {
  const repo = makeRepo({}, { git: false });
  cpSync(dir, repo.root, { recursive: true, filter: (source) => !source.endsWith('/expected.json') });
  renameIgnoreFiles(repo.root);
  repo.git('init', '-q', '-b', 'main');
  repo.git('add', '-A');
  return repo;
}

function renameIgnoreFiles(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) renameIgnoreFiles(path);
    else if (entry.name === 'gitignore.fixture') renameSync(path, join(dir, '.gitignore'));
  }
}
