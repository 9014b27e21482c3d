// justfile recipes that run a destructive CLI (`reset-db:` with `sqlx database drop -y` in its body), themselves or
// through a dependency or a `just other` line: tasks `Bash(just:*)` lets the agent start (tasks.ts). A recipe is a
// header at the line's start and an indented body, so they are read line by line rather than by a full just parser.
import type { FileEmitter, SourceFile, Span } from '../../../src/model.js';
import type { CommandProbe } from '../../../knowledge/agents/commands.js';
import { destructiveTaskCommand, publishTask } from './tasks.js';

/** The names just looks for in the working directory and above it (case-insensitive). */
export const JUSTFILE = /(^|\/)\.?[Jj][Uu][Ss][Tt][Ff][Ii][Ll][Ee]$/;

interface Recipe {
  name: string;
  dependencies: string[];
  body: string[];
  span: Span;
}

/**
 * `[@]name [parameters]: [dependencies]`; an assignment (`x := y`), `alias r := reset` and `set shell := [...]` have
 * `=` right after their colon.
 */
const HEADER = /^@?([A-Za-z_][\w-]*)(?:\s+[^:]*?)?\s*:(?!=)(.*)$/;
/** `just seed` in a body runs that recipe of the same justfile; `-f` and `--justfile` run another's. */
const SUBJUST = /(?:^|[\s;&|(])just((?:\s+[^\s;&|)]+)+)/g;

export function readJustRecipes(file: SourceFile, out: FileEmitter): void {
  const recipes = new Map<string, Recipe>();
  for (const recipe of recipesOf(file.text)) if (!recipes.has(recipe.name)) recipes.set(recipe.name, recipe);
  for (const recipe of recipes.values()) {
    const probe = destructiveRun(recipe.name, recipes, new Set());
    if (probe) publishTask(file, out, 'just-recipe', recipe.name, probe, recipe.span);
  }
}

/** The first destructive command a recipe runs: its own body first, then the recipes it depends on or calls. */
function destructiveRun(name: string, recipes: ReadonlyMap<string, Recipe>, seen: Set<string>): CommandProbe | undefined {
  const recipe = recipes.get(name);
  if (!recipe || seen.has(name)) return undefined;
  seen.add(name);
  for (const command of recipe.body) {
    const probe = destructiveTaskCommand(command);
    if (probe) return probe;
  }
  for (const other of [...recipe.dependencies, ...recipe.body.flatMap(calledRecipes)]) {
    const probe = destructiveRun(other, recipes, seen);
    if (probe) return probe;
  }
  return undefined;
}

function calledRecipes(command: string): string[] {
  const names: string[] = [];
  for (const call of command.matchAll(SUBJUST)) {
    const words = call[1]!.trim().split(/\s+/);
    if (words.some((word) => /^-(?:f|d)$|^--(?:justfile|working-directory)\b/.test(word))) continue;
    const name = words.find((word) => !word.startsWith('-'));
    if (name) names.push(name);
  }
  return names;
}

function recipesOf(text: string): Recipe[] {
  const recipes: Recipe[] = [];
  let current: Recipe | undefined;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    if (/^[ \t]/.test(line)) {
      // `@` (quiet) and `-` (errors ignored) prefixes are just's, not the shell's.
      if (current && line.trim() !== '') current.body.push(line.trim().replace(/^[@-]+/, ''));
      continue;
    }
    // Comments, blank lines and attributes (`[private]`, `[confirm]`) sit before a header without being one.
    if (line.trim() === '' || line.startsWith('#') || line.startsWith('[')) continue;
    const header = HEADER.exec(line);
    current = header && !/^(?:alias|set|export|import|mod)$/.test(header[1]!) ? recipeOf(header, index, line) : undefined;
    if (current) recipes.push(current);
  }
  return recipes;
}

function recipeOf(header: RegExpExecArray, index: number, line: string): Recipe {
  // Dependencies are names, or parenthesised calls with arguments (`(deploy "staging")`); `&&` runs the rest after.
  const dependencies = [...header[2]!.replace(/#.*$/, '').replace(/"[^"]*"|'[^']*'/g, '').matchAll(/\(?\s*([A-Za-z_][\w-]*)/g)].map((match) => match[1]!);
  return { name: header[1]!, dependencies, body: [], span: { line: index + 1, column: 1, endLine: index + 1, endColumn: line.length + 1 } };
}
