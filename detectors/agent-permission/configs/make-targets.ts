// Makefile targets that run a destructive CLI (`db-drop:` with `dropdb app` in its recipe), themselves or through a
// prerequisite or a `$(MAKE) other` line: tasks `Bash(make:*)` lets the agent start (tasks.ts). Only rule lines and
// their tab-indented recipes matter here, so they are read line by line rather than by a full make parser.
import type { FileEmitter, SourceFile, Span } from '../../../src/model.js';
import type { CommandProbe } from '../../../knowledge/agents/commands.js';
import { destructiveTaskCommand, publishTask } from './tasks.js';

export const MAKEFILE = /(^|\/)(?:GNUmakefile|[Mm]akefile)$/;

interface MakeRule {
  targets: string[];
  prerequisites: string[];
  recipe: string[];
  span: Span;
}

/** `targets: prerequisites` (or `::`); an assignment (`X := y`, `X ::= y`) has `=` after its colons. */
const RULE_LINE = /^([^\s:=#][^:=#]*?)\s*::?(?![:=])(.*)$/;
const CONDITIONAL = /^\s*(?:ifeq|ifneq|ifdef|ifndef|else|endif)\b/;
/** `$(MAKE) seed` or `make seed` in a recipe runs that target of the same Makefile; `-C dir` and `-f file` run another. */
const SUBMAKE = /(?:\$[({]MAKE[)}]|(?:^|[\s;&|(])make)((?:\s+[^\s;&|)]+)+)/g;

export function readMakeTargets(file: SourceFile, out: FileEmitter): void {
  const rules = rulesOf(file.text);
  const byTarget = new Map<string, MakeRule[]>();
  for (const rule of rules) {
    for (const target of rule.targets) {
      const list = byTarget.get(target);
      if (list) list.push(rule);
      else byTarget.set(target, [rule]);
    }
  }
  for (const [target, declared] of byTarget) {
    const probe = destructiveRun(target, byTarget, new Set());
    if (probe) publishTask(file, out, 'make-target', target, probe, declared[0]!.span);
  }
}

/** The first destructive command a target runs: its own recipe first, then the targets it makes first or calls. */
function destructiveRun(target: string, byTarget: ReadonlyMap<string, MakeRule[]>, seen: Set<string>): CommandProbe | undefined {
  if (seen.has(target)) return undefined;
  seen.add(target);
  const rules = byTarget.get(target) ?? [];
  for (const rule of rules) {
    for (const command of rule.recipe) {
      const probe = destructiveTaskCommand(command);
      if (probe) return probe;
    }
  }
  const others = rules.flatMap((rule) => [...rule.prerequisites, ...rule.recipe.flatMap(submakeTargets)]);
  for (const other of others) {
    const probe = destructiveRun(other, byTarget, seen);
    if (probe) return probe;
  }
  return undefined;
}

function submakeTargets(command: string): string[] {
  const targets: string[] = [];
  for (const call of command.matchAll(SUBMAKE)) {
    const words = call[1]!.trim().split(/\s+/);
    if (words.some((word) => /^-(?:C|f)|^--(?:directory|file|makefile)\b/.test(word))) continue;
    targets.push(...words.filter((word) => !word.startsWith('-') && !word.includes('=')));
  }
  return targets;
}

function rulesOf(text: string): MakeRule[] {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const rules: MakeRule[] = [];
  let current: MakeRule | undefined;
  let inDefine = false;
  for (let index = 0; index < lines.length; index++) {
    const start = index;
    let line = lines[index]!;
    while (line.endsWith('\\') && index + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++index]!.replace(/^\t/, '')}`;
    if (inDefine) {
      if (/^\s*endef\b/.test(line)) inDefine = false;
      continue;
    }
    if (line.startsWith('\t')) {
      // `@` (silent), `-` (errors ignored) and `+` prefixes are make's, not the shell's.
      current?.recipe.push(line.replace(/^\t[\s@+-]*/, ''));
      continue;
    }
    // Comments and conditionals may sit between a rule's recipe lines without ending it.
    if (line.trim() === '' || line.trimStart().startsWith('#') || CONDITIONAL.test(line)) continue;
    if (/^\s*(?:(?:override|export)\s+)?define\b/.test(line)) {
      inDefine = true;
      current = undefined;
      continue;
    }
    current = ruleOf(line, start);
    if (current) rules.push(current);
  }
  return rules;
}

function ruleOf(line: string, index: number): MakeRule | undefined {
  const match = RULE_LINE.exec(line);
  if (!match) return undefined;
  // Special targets (`.PHONY`), pattern rules (`%.o`) and computed names are not tasks anyone starts by name.
  const targets = match[1]!.trim().split(/\s+/).filter((name) => !name.startsWith('.') && !/[%$]/.test(name));
  const rest = match[2]!.replace(/(?:^|\s)#.*$/, '');
  // A target-specific variable (`deploy: ENV = prod`) sets a value and starts no recipe.
  if (targets.length === 0 || /^\s*(?:override\s+|export\s+)?[\w.-]+\s*[:+?!]?=/.test(rest)) return undefined;
  const semicolon = rest.indexOf(';');
  const prerequisites = (semicolon < 0 ? rest : rest.slice(0, semicolon)).split(/\s+/).filter((word) => word !== '' && word !== '|' && !word.includes('$'));
  const recipe = semicolon < 0 ? [] : [rest.slice(semicolon + 1).trim()];
  return { targets, prerequisites, recipe, span: { line: index + 1, column: 1, endLine: index + 1, endColumn: line.length + 1 } };
}
