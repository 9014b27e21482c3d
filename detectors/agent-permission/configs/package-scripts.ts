// package.json scripts that run a destructive CLI (`"db:reset": "prisma migrate reset --force"`): tasks an allow rule
// for the package manager's `run` lets the agent start (tasks.ts).
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get, literalString } from '../../../src/parse/data-tree.js';
import { destructiveTaskCommand, publishTask } from './tasks.js';

export const PACKAGE_JSON = /(^|\/)package\.json$/;

export function readPackageScripts(file: SourceFile, out: FileEmitter): void {
  // Most package.json files name no destructive CLI at all: no parse for them.
  if (!file.text.includes('"scripts"')) return;
  const scripts = get(file.data()?.roots[0], 'scripts');
  if (scripts?.kind !== 'map') return;
  for (const entry of scripts.entries) {
    const command = literalString(entry.value);
    const probe = command ? destructiveTaskCommand(command) : undefined;
    if (probe) publishTask(file, out, 'package-script', entry.key, probe, entry.keySpan);
  }
}
