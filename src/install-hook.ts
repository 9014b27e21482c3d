// `blast-radius install-hook`: writes the repository's pre-commit hook so every commit runs `scan --staged`. It never
// overwrites a hook it did not write, and leaves repositories whose hooks a manager owns (husky, lefthook) to it.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isAbsolute, join, relative } from 'node:path';
import { git } from './discover/git.js';
import { NotAWorkTree, requireWorkTree } from './discover/work-tree.js';

/** The line that identifies a hook this command wrote (and may therefore rewrite). */
export const HOOK_MARKER = '# blast-radius pre-commit hook';

/** What to add to a hook someone else wrote, or to a hook manager's pre-commit. */
export const CHAIN_LINE = 'npx --no-install blast-radius scan --staged --quiet || exit $?';

export type HookOutcome =
  | { kind: 'installed' | 'updated'; path: string; message: string }
  | { kind: 'refused' | 'error'; path?: string; message: string };

export function installHook(repository: string): HookOutcome {
  let root: string;
  try {
    root = requireWorkTree(repository, 'install-hook').root;
  } catch (error) {
    if (error instanceof NotAWorkTree) return { kind: 'error', message: error.message };
    throw error;
  }
  const managed = configured(root, 'core.hooksPath');
  if (managed) {
    return {
      kind: 'refused',
      message:
        `core.hooksPath is set to ${managed}, so a hook manager (husky, lefthook, ...) or your own hooks directory runs the hooks; ` +
        `nothing was written. Add this line to its pre-commit hook instead:\n    ${CHAIN_LINE}`,
    };
  }
  const hooks = git(root, ['rev-parse', '--git-path', 'hooks']).trim();
  const directory = isAbsolute(hooks) ? hooks : join(root, hooks);
  const path = join(directory, 'pre-commit');
  const shown = relative(root, path) || path;
  let existing: string | undefined;
  if (existsSync(path)) {
    existing = readFileSync(path, 'utf8');
    if (!existing.includes(HOOK_MARKER)) {
      return {
        kind: 'refused',
        path,
        message:
          `${shown} already exists and was not written by blast-radius; it was left as it is. ` +
          `To run both, add this line to it (before any final exit):\n    ${CHAIN_LINE}`,
      };
    }
  }
  mkdirSync(directory, { recursive: true });
  writeFileSync(path, hookScript());
  chmodSync(path, 0o755);
  const kind = existing === undefined ? 'installed' : 'updated';
  return { kind, path, message: `${kind === 'installed' ? 'Installed' : 'Updated'} ${shown}: every commit now runs \`blast-radius scan --staged\` (skip once with git commit --no-verify).` };
}

/** The hook: the project's own copy first, then one on PATH, then the copy that installed it. */
export function hookScript(): string {
  const installer = fileURLToPath(new URL('./cli.js', import.meta.url));
  const fallback = existsSync(installer) && installer.endsWith('.js') ? installer : undefined;
  return [
    '#!/bin/sh',
    `${HOOK_MARKER}, written by \`blast-radius install-hook\` (run it again to update; delete this file to remove).`,
    '# Scans what the commit records (the staged content, not the working tree) and stops it on findings at or above',
    '# --fail-on (default high). Skip once with `git commit --no-verify`.',
    'if [ -x ./node_modules/.bin/blast-radius ]; then',
    '  exec ./node_modules/.bin/blast-radius scan --staged --quiet',
    'elif command -v blast-radius >/dev/null 2>&1; then',
    '  exec blast-radius scan --staged --quiet',
    ...(fallback ? [`elif [ -f ${shellQuote(fallback)} ]; then`, `  exec node ${shellQuote(fallback)} scan --staged --quiet`] : []),
    'fi',
    'echo "blast-radius: not found (npm install --save-dev agent-blast-radius), so the staged scan could not run." >&2',
    'echo "blast-radius: commit with --no-verify to skip it this once, or delete $0 to remove the hook." >&2',
    'exit 1',
    '',
  ].join('\n');
}

function configured(root: string, key: string): string | undefined {
  try {
    return git(root, ['config', '--get', key]).trim() || undefined;
  } catch {
    return undefined;
  }
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

