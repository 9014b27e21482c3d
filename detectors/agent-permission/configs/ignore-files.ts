// Agents' ignore files (`.cursorignore`, `.geminiignore`, `.aiexclude`, `.clineignore`,
// `.rooignore`, `.aiderignore`, `.aiignore`...): gitignore syntax relative to the file's directory. Each pattern
// becomes an `agent-read-exclusion` fact rooted at the repository (shared/research/agents.md §1).
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { agentOfIgnoreFile, agentOfIndexIgnoreFile } from '../../../knowledge/agents/agents.js';
import { emitConfig, emitExclusion, rootPattern } from '../permission.js';
import { directoryOf } from './tree.js';

export function isAgentIgnoreFile(path: string): boolean {
  return agentOfIgnoreFile(path) !== undefined || agentOfIndexIgnoreFile(path) !== undefined;
}

export function readIgnoreFile(file: SourceFile, out: FileEmitter): void {
  const indexAgent = agentOfIndexIgnoreFile(file.path);
  const agent = agentOfIgnoreFile(file.path) ?? indexAgent;
  if (!agent) return;
  emitConfig(out, agent, 'ignore', file.path);
  const directory = directoryOf(file.path);
  const lines = file.text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const pattern = lines[index]!.replace(/\r$/, '').replace(/(?<!\\)\s+$/, '');
    if (pattern === '' || pattern.startsWith('#')) continue;
    const span = { line: index + 1, column: 1, endLine: index + 1, endColumn: pattern.length + 1 };
    // Junie asks a human before it reads an .aiignore'd file.
    emitExclusion(file, out, agent, rootPattern(directory, pattern), span, agent === 'junie', indexAgent !== undefined);
  }
}
