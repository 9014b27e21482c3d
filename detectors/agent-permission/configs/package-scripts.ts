// package.json scripts that run a destructive CLI: an allow rule for the package manager's `run` (`Bash(npm run:*)`)
// lets the agent start them, and the deny rules it is judged against never see the command the script runs
// (Claude Code matches the command typed). Published here, judged with the allow rules in the cross-file pass.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get, literalString } from '../../../src/parse/data-tree.js';
import { destructiveUseOf } from '../../../knowledge/agents/commands.js';
import { lineSpan } from './tree.js';

export const PACKAGE_JSON = /(^|\/)package\.json$/;

export function readPackageScripts(file: SourceFile, out: FileEmitter): void {
  // Most package.json files name no destructive CLI at all: no parse for them.
  if (!file.text.includes('"scripts"')) return;
  const scripts = get(file.data()?.roots[0], 'scripts');
  if (scripts?.kind !== 'map') return;
  for (const entry of scripts.entries) {
    const command = literalString(entry.value);
    // Removing files (`"clean": "rm -rf dist"`) is what build scripts do; databases and infrastructure are not.
    const probe = command ? destructiveUseOf(command, ['data', 'infrastructure', 'migration']) : undefined;
    if (!probe) continue;
    out.publish('package-script', { path: file.path, name: entry.key, tool: probe.tool, does: probe.does, needsCredential: probe.needsCredential === true, location: { path: file.path, span: lineSpan(file, entry.keySpan) } });
  }
}
