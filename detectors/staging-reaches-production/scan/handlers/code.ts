// Configuration written as code: Django settings modules (`settings/staging.py`) read line by line, and JavaScript
// configs (knexfile, Sequelize `config.js`, PM2 `ecosystem.config.js`) whose exported object literal is read as a tree.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { DataNode, MapEntry, MapNode, ScalarNode } from '../../../../src/parse/data-tree.js';
import type { SourceFile, Span } from '../../../../src/model.js';
import type { FileClass } from '../files.js';
import { BASE, namedTag, pathTag, type EnvTag, type Recorder } from '../recorder.js';
import { canonicalEnvironment, environmentOfClassOpening, type CanonicalEnvironment } from '../../../../knowledge/environments/names.js';
import { closingBracket } from '../../../../src/parse/brackets.js';
import { walkSection } from '../tree.js';
import { topSection, walkOptions } from '../sections.js';
import { identifyValue, referencesIn } from '../values.js';

// ---------------------------------------------------------------------------------------------------------------
// Python settings

const ASSIGNMENT = /^([A-Z][A-Z0-9_]*)\s*=\s*(['"])([^'"\n]*)\2\s*(?:#.*)?$/;
const DICT_PAIR = /(['"])([A-Za-z_][A-Za-z0-9_]*)\1\s*:\s*(['"])([^'"\n]*)\3/g;
const DATABASE_URL_CALL = /\b(?:dj_database_url|db_url)\.(?:config|parse)\(\s*(?:default\s*=\s*)?(['"])([^'"\n]+)\1/g;
const ENVIRONMENT_READ = /\b(?:os\.environ(?:\.get)?\s*[[(]|os\.getenv\s*\(|env(?:\.str|\.db|\.url)?\s*\()\s*(['"])([A-Z_][A-Z0-9_]*)\1/g;
/** The value used when the variable is unset: `os.environ.get("DATABASE_URL", "postgresql://…")`. */
const ENVIRONMENT_DEFAULT = /\b(?:os\.environ\.get|os\.getenv)\s*\(\s*(['"])([A-Z_][A-Z0-9_]*)\1\s*,\s*(['"])([^'"\n]+)\3/g;
/** An attribute of Flask's configuration classes (`class StagingConfig(Config):`), one environment's settings per class. */
const CLASS_ATTRIBUTE = /^[ \t]+([A-Z][A-Z0-9_]*)\s*=\s*(['"])([^'"\n]*)\2\s*(?:#.*)?$/;

export function scanPythonSettings(rec: Recorder, cls: FileClass): void {
  const file = rec.file;
  const family = cls.family;
  const keys = new Set<string>();
  const dicts = DictLiterals.of(file.text);
  let block: string | undefined;
  let depth = 0;
  // The environment class the line is in, while its body lasts (to the next line at the margin).
  let inClass: EnvTag | undefined;
  for (let number = 1; number <= file.lineStarts.length; number++) {
    const line = file.line(number);
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (depth === 0 && line.charCodeAt(0) !== 32 && line.charCodeAt(0) !== 9) {
      const opened = environmentOfClassOpening(line);
      inClass = opened ? { ...opened, evidence: 'key' } : undefined;
    }
    const tag = inClass ?? cls.tag;
    const top = /^([A-Z][A-Z0-9_]*)\s*=/.exec(line);
    if (top && depth === 0) {
      keys.add(top[1]!);
      block = top[1]!;
    }
    const span = (index: number, length: number): Span => ({ line: number, column: index + 1, endLine: number, endColumn: index + 1 + length });
    const record = (value: string, variable: string, path: string[], index: number, siblings?: ReadonlyMap<string, string>) => {
      for (const identity of identifyValue(value, { variable, path, siblings })) rec.resource(tag, identity, span(index, value.length), { variable: path.concat(variable).join('.'), ...(inClass ? {} : { family }) });
    };
    const assignment = ASSIGNMENT.exec(line) ?? (inClass ? CLASS_ATTRIBUTE.exec(line) : null);
    if (assignment) record(assignment[3]!, assignment[1]!, [], line.indexOf(assignment[3]!));
    if (line.includes('get')) for (const fallback of line.matchAll(ENVIRONMENT_DEFAULT)) record(fallback[4]!, fallback[2]!, [], fallback.index + fallback[0].lastIndexOf(fallback[4]!));
    for (const pair of line.matchAll(DICT_PAIR)) record(pair[4]!, pair[2]!, block ? [block] : [], pair.index + pair[0].lastIndexOf(pair[4]!), dicts.siblingsAt(number, pair.index));
    for (const call of line.matchAll(DATABASE_URL_CALL)) record(call[2]!, 'DATABASE_URL', block ? [block] : [], call.index);
    for (const read of line.matchAll(ENVIRONMENT_READ)) {
      for (const reference of referencesIn(`\${${read[2]}}`)) rec.resource(tag, reference.identity, span(read.index, read[0].length), { variable: block, ...(inClass ? {} : { family }) });
    }
    depth += (line.match(/[{[(]/g)?.length ?? 0) - (line.match(/[}\])]/g)?.length ?? 0);
    if (depth <= 0) {
      depth = 0;
      if (!top) block = undefined;
    }
  }
  if (cls.role === 'layer' && family) rec.layer(family, cls.tag, { line: 1, column: 1, endLine: 1, endColumn: 1 }, keys, false, settingsImported(file, cls.tag));
}

// ---------------------------------------------------------------------------------------------------------------
// Elixir (Mix) config

/** `config :shop, Shop.Repo,` opens a block of keyword pairs; `config :shop, :uploads_bucket, "…"` sets one key. */
const ELIXIR_CONFIG = /^config\s+:(\w+)\s*,\s*(:?[\w.]+)\s*(?:,\s*(?:"([^"\n]*)")?)?/;
const ELIXIR_PAIR = /\b([a-z_]\w*):\s*"([^"\n]*)"/g;

/**
 * `config/<env>.exs`: each `config :app, Module, key: "value"` block read as a map of its string pairs (a Repo's
 * `hostname` with its `database`), and a one-key `config :app, :key, "value"`. The file is one environment's layer
 * over config.exs.
 */
export function scanElixirConfig(rec: Recorder, cls: FileClass): void {
  const file = rec.file;
  const family = cls.family;
  const keys = new Set<string>();
  const blocks: Array<{ name: string; pairs: Array<{ key: string; value: string; line: number; index: number }> }> = [];
  for (let number = 1; number <= file.lineStarts.length; number++) {
    const line = file.line(number);
    if (/^\s*#/.test(line)) continue;
    const opened = ELIXIR_CONFIG.exec(line);
    if (opened) {
      const name = opened[2]!.replace(/^:/, '');
      if (opened[3] !== undefined) {
        keys.add(name);
        blocks.push({ name: '', pairs: [{ key: name, value: opened[3], line: number, index: line.lastIndexOf(`"${opened[3]}"`) + 1 }] });
        continue;
      }
      blocks.push({ name, pairs: [] });
    } else if (/^\S/.test(line)) {
      // Anything else at the margin (`import Config`, `if`, `end`) closes the block.
      blocks.push({ name: '', pairs: [] });
    }
    const block = blocks[blocks.length - 1];
    if (!block || (!block.name && !opened)) continue;
    for (const pair of line.matchAll(ELIXIR_PAIR)) {
      block.pairs.push({ key: pair[1]!, value: pair[2]!, line: number, index: pair.index + pair[0].lastIndexOf(`"${pair[2]!}"`) + 1 });
    }
  }
  for (const block of blocks) {
    const siblings = new Map(block.pairs.map((pair) => [pair.key, pair.value]));
    const path = block.name ? [block.name] : [];
    for (const pair of block.pairs) {
      if (block.name) keys.add(`${block.name}.${pair.key}`);
      const span: Span = { line: pair.line, column: pair.index + 1, endLine: pair.line, endColumn: pair.index + 1 + pair.value.length };
      for (const identity of identifyValue(pair.value, { variable: pair.key, path, siblings })) rec.resource(cls.tag, identity, span, { variable: path.concat(pair.key).join('.'), family });
    }
  }
  if (cls.role === 'layer' && family) rec.layer(family, cls.tag, { line: 1, column: 1, endLine: 1, endColumn: 1 }, keys);
}

/** `from .production import *`, `from myapp.settings.prod import *`: a sibling settings module imported whole. */
const STAR_IMPORT = /^from[ \t]+(?:\.|[\w.]*\.)?(\w+)[ \t]+import[ \t]+\*/gm;

/**
 * The other environment's settings module this one starts from, when it imports one whole: the base module
 * (`from .base import *`) is the family's base already, and the module's own environment imports nothing new.
 */
function settingsImported(file: SourceFile, own: EnvTag): { tag: EnvTag; span: Span } | undefined {
  if (!file.text.includes('import *')) return undefined;
  for (const match of file.text.matchAll(STAR_IMPORT)) {
    const environment = canonicalEnvironment(match[1]!);
    if (!environment || environment === 'base' || environment === own.environment) continue;
    const { line } = file.positionAt(match.index);
    // Named as the imported module's own file is (`prod_eu.py` is `prod`'s), so its settings are the ones inherited.
    const name = pathTag(`${file.path.slice(0, file.path.lastIndexOf('/') + 1)}${match[1]}.py`)?.name ?? match[1]!;
    return { tag: { environment, name, evidence: 'file-name' }, span: { line, column: 1, endLine: line, endColumn: match[0].length + 1 } };
  }
  return undefined;
}

/**
 * The string pairs of each dict literal in a settings module, so that a `HOST` is read with the `USER`, `PORT` and
 * `NAME` of the same database (`DATABASES = {"default": {...}, "replica": {...}}` keeps the two apart). Braces are
 * counted outside strings and comments only.
 */
class DictLiterals {
  private readonly pairs = new Map<number, Map<string, string>>();
  /** Per line, the dict open at each pair's offset: `${line}:${offset}` -> dict. */
  private readonly owner = new Map<string, number>();

  static of(text: string): DictLiterals {
    const dicts = new DictLiterals();
    const stack: number[] = [];
    let next = 0;
    let line = 1;
    let lineStart = 0;
    for (let index = 0; index < text.length; index++) {
      const char = text[index]!;
      if (char === '\n') {
        line++;
        lineStart = index + 1;
      } else if (char === '#') {
        const end = text.indexOf('\n', index);
        index = (end === -1 ? text.length : end) - 1;
      } else if (char === '{') {
        stack.push(next++);
      } else if (char === '}') {
        stack.pop();
      } else if (char === '"' || char === "'") {
        const pair = /^(['"])([A-Za-z_][A-Za-z0-9_]*)\1\s*:\s*(['"])([^'"\n]*)\3/.exec(text.slice(index, index + 400));
        const dict = stack[stack.length - 1];
        if (pair && dict !== undefined) {
          let entries = dicts.pairs.get(dict);
          if (!entries) dicts.pairs.set(dict, (entries = new Map()));
          entries.set(pair[2]!, pair[4]!);
          dicts.owner.set(`${line}:${index - lineStart}`, dict);
          index += pair[0].length - 1;
          continue;
        }
        // Skip the string so that braces inside it do not count.
        const close = text.indexOf(char, index + 1);
        const newline = text.indexOf('\n', index + 1);
        if (close !== -1 && (newline === -1 || close < newline)) index = close;
      }
    }
    return dicts;
  }

  siblingsAt(line: number, offset: number): ReadonlyMap<string, string> | undefined {
    const dict = this.owner.get(`${line}:${offset}`);
    return dict === undefined ? undefined : this.pairs.get(dict);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// JavaScript configs

export function scanJsConfig(rec: Recorder, cls: FileClass): void {
  const program = rec.file.ast();
  if (!program) return;
  const exported = exportedObject(program);
  if (!exported) return;
  const root = toNode(exported);
  if (root.kind !== 'map') return;
  const apps = root.entries.find((entry) => entry.key === 'apps')?.value;
  if (/ecosystem\.config/i.test(rec.file.path) && apps?.kind === 'seq') {
    apps.items.forEach((app, index) => {
      if (app.kind !== 'map') return;
      // PM2: `env` is the base, `env_production` / `env_staging` the environments `pm2 start --env <name>` selects.
      const environments: MapEntry[] = [];
      for (const entry of app.entries) {
        const match = /^env(?:_(.+))?$/.exec(entry.key);
        if (match) environments.push({ ...entry, key: match[1] ?? 'default' });
      }
      const family = `pm2:${rec.file.path}#${index}`;
      for (const entry of environments) {
        const tag = namedTag(entry.key, 'key');
        walkSection(rec, { node: entry.value, path: ['apps', index, entry.key], tag, family, role: tag === BASE ? 'base' : 'layer', span: entry.keySpan }, { ...walkOptions(cls), envMaps: false });
      }
    });
    return;
  }
  walkSection(rec, topSection(cls, root), { ...walkOptions(cls), rootEnvironmentMaps: true, databaseFile: /knexfile|sequelize|database|ormconfig/i.test(rec.file.path) });
}

/** `module.exports = {...}`, `export default {...}`, `export default defineConfig({...})`, or an exported const (`export const x = {...}`). */
function exportedObject(program: TSESTree.Program): TSESTree.ObjectExpression | undefined {
  const constants = new Map<string, TSESTree.Expression>();
  for (const statement of program.body) {
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        if (declarator.id.type === 'Identifier' && declarator.init) constants.set(declarator.id.name, declarator.init);
      }
    }
  }
  const unwrap = (expression: TSESTree.Node | null | undefined): TSESTree.ObjectExpression | undefined => {
    if (!expression) return undefined;
    if (expression.type === 'ObjectExpression') return expression;
    if (expression.type === 'CallExpression') return unwrap(expression.arguments[0]);
    if (expression.type === 'TSAsExpression' || expression.type === 'TSSatisfiesExpression') return unwrap(expression.expression);
    if (expression.type === 'Identifier') return unwrap(constants.get(expression.name));
    return undefined;
  };
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration') return unwrap(statement.declaration);
    // `export const environment = {...}` (Angular's environment files).
    if (statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'VariableDeclaration' && statement.declaration.declarations.length === 1) {
      const found = unwrap(statement.declaration.declarations[0]!.init);
      if (found) return found;
    }
    if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      const left = statement.expression.left;
      if (left.type === 'MemberExpression' && left.object.type === 'Identifier' && left.object.name === 'module' && left.property.type === 'Identifier' && left.property.name === 'exports') {
        return unwrap(statement.expression.right);
      }
    }
  }
  return undefined;
}

function spanOf(node: TSESTree.Node): Span {
  return { line: node.loc.start.line, column: node.loc.start.column + 1, endLine: node.loc.end.line, endColumn: node.loc.end.column + 1 };
}

/** An object literal as a data tree: literals are scalars, `process.env.X` is the reference `${X}`, the rest expressions. */
function toNode(node: TSESTree.Node): DataNode {
  const span = spanOf(node);
  switch (node.type) {
    case 'ObjectExpression': {
      const entries: MapEntry[] = [];
      for (const property of node.properties) {
        if (property.type !== 'Property') continue;
        const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
        if (key === undefined) continue;
        entries.push({ key, keySpan: spanOf(property.key), value: toNode(property.value) });
      }
      const map: MapNode = { kind: 'map', span, entries };
      return map;
    }
    case 'ArrayExpression':
      return { kind: 'seq', span, items: node.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== 'SpreadElement').map(toNode) };
    case 'Literal':
      return { kind: 'scalar', span, value: typeof node.value === 'string' || typeof node.value === 'number' || typeof node.value === 'boolean' ? node.value : null };
    case 'TemplateLiteral':
      if (node.expressions.length === 0) return { kind: 'scalar', span, value: node.quasis.map((quasi) => quasi.value.cooked ?? '').join('') };
      break;
    case 'MemberExpression': {
      const name = environmentVariable(node);
      if (name) return { kind: 'scalar', span, value: null, expression: `\${${name}}` } satisfies ScalarNode;
      break;
    }
    case 'LogicalExpression':
      // `process.env.DB_HOST || 'db.acme.com'`: the literal is what the environment gets when the variable is unset.
      if ((node.operator === '||' || node.operator === '??') && node.right.type === 'Literal' && typeof node.right.value === 'string') {
        return { kind: 'scalar', span: spanOf(node.right), value: node.right.value };
      }
      break;
  }
  return { kind: 'scalar', span, value: null, expression: node.type };
}

function environmentVariable(node: TSESTree.MemberExpression): string | undefined {
  const object = node.object;
  if (object.type !== 'MemberExpression' || object.object.type !== 'Identifier' || object.object.name !== 'process') return undefined;
  if (object.property.type !== 'Identifier' || object.property.name !== 'env') return undefined;
  if (node.property.type === 'Identifier' && !node.computed) return node.property.name;
  if (node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// AWS CDK apps

/** `const prodData = new DataStack(app, 'BillingData-prod', { stage: 'prod' })`: a stack kept in a variable. */
const STACK_ASSIGNED = /\b(?:const|let|var)\s+(\w+)\s*=\s*new\s+\w+\(\s*\w+\s*,\s*(['"`])([^'"`\n]+)\2/g;
/** `new ApiStack(app, 'BillingApi-staging', { ... })`: every stack and the props it is given. */
const STACK_CREATED = /\bnew\s+\w+\(\s*\w+\s*,\s*(['"`])([^'"`\n]+)\1\s*,\s*\{/g;
/** Python: `data = DataStack(app, "Shop-Data-Prod", ...)`; a stack's scope is the app (or a stage) it is built in. */
const PY_STACK_ASSIGNED = /^[ \t]*(\w+)\s*=\s*(?:\w+\.)*\w+\(\s*\w+\s*,\s*(['"])([^'"\n]+)\2/gm;
/** Python: `ApiStack(app, "Shop-Api-Staging", database=data.database)`, assigned or not, with its keyword arguments. */
const PY_STACK_CREATED = /\b(?:\w+\.)*\w+\(\s*\w+\s*,\s*(['"])([^'"\n]+)\1\s*,/g;

/**
 * A CDK app (`bin/app.ts`) wires its stacks together: a staging stack handed a production stack's database
 * (`database: prodData.database`) writes to production's. Each stack's environment is its id's (`BillingApi-staging`),
 * else its `stage`/`env`/`environment` prop's; a member of a production stack given to another environment's stack is
 * recorded in both, as the same resource.
 */
export function scanCdkApp(rec: Recorder): void {
  const text = rec.file.text;
  const python = rec.file.format === 'python';
  if (python ? !/\baws_cdk\b/.test(text) || !/\bApp\(\)/.test(text) : !/aws-cdk-lib|@aws-cdk\/core/.test(text) || !/new\s+(?:cdk\.)?App\(/.test(text)) return;
  const stacks = new Map<string, { id: string; environment: CanonicalEnvironment | undefined }>();
  for (const match of text.matchAll(python ? PY_STACK_ASSIGNED : STACK_ASSIGNED)) {
    const body = python ? argumentsAfter(text, match.index + match[0].length) : propsAfter(text, match.index + match[0].length);
    stacks.set(match[1]!, { id: match[3]!, environment: stackEnvironment(match[3]!, body) });
  }
  for (const match of text.matchAll(python ? PY_STACK_CREATED : STACK_CREATED)) {
    const props = python ? argumentsAfter(text, match.index + match[0].length) : propsAfter(text, match.index + match[0].length - 1);
    const environment = stackEnvironment(match[2]!, props);
    if (!environment || environment === 'production') continue;
    const propsAt = match.index + match[0].length;
    for (const reference of props.matchAll(/\b(\w+)\.(\w+)\b/g)) {
      const stack = stacks.get(reference[1]!);
      const kind = resourceKindOf(reference[2]!);
      if (!stack || stack.environment !== 'production' || !kind) continue;
      const identity = { kind, identity: `cdk-stack:${stack.id}.${reference[2]!}`.toLowerCase(), otherIdentities: [], display: `${reference[2]} of the stack ${stack.id}`, name: stack.id, secrets: [] };
      const at = propsAt + reference.index;
      rec.resource({ environment, name: match[2]!, evidence: 'value' }, identity, rec.file.spanOf(at, at + reference[0].length), { variable: reference[0] });
      const declared = text.indexOf(stack.id);
      rec.resource({ environment: 'production', name: stack.id, evidence: 'value' }, identity, rec.file.spanOf(declared, declared + stack.id.length), { variable: stack.id, declared: true });
    }
  }
}

/** The text of the object literal opening at `open` (`{`), or up to the end of the line when it is not one. */
function propsAfter(text: string, open: number): string {
  if (text[open] !== '{') {
    const brace = text.indexOf('{', open);
    const paren = text.indexOf(')', open);
    if (brace === -1 || (paren !== -1 && paren < brace)) return '';
    open = brace;
  }
  const close = closingBracket(text, open, { quotes: `"'\`` });
  return text.slice(open + 1, close === -1 ? text.length : close);
}

/** The rest of a Python call's arguments after `from` (within its parentheses). */
function argumentsAfter(text: string, from: number): string {
  const open = text.lastIndexOf('(', from);
  const close = open === -1 ? -1 : closingBracket(text, open, { quotes: `"'` });
  return close === -1 ? '' : text.slice(from, close);
}

function stackEnvironment(id: string, props: string): CanonicalEnvironment | undefined {
  const named = canonicalEnvironment(id);
  if (named) return named;
  // `stage: 'prod'` in TypeScript props, `stage="prod"` among Python's keyword arguments.
  const stage = /\b(?:stage|env(?:ironment)?(?:Name|_name)?)\s*[:=]\s*['"`]([\w-]+)['"`]/.exec(props)?.[1];
  return stage ? canonicalEnvironment(stage) : undefined;
}

/** What a stack member holds, by its name (`database`, `ordersTable`, `uploadsBucket`); undefined for anything else. */
function resourceKindOf(member: string): 'database' | 'bucket' | 'volume' | undefined {
  if (/(?:database|db|cluster|instance|table)$/i.test(member)) return 'database';
  if (/bucket$/i.test(member)) return 'bucket';
  if (/(?:volume|filesystem|fileSystem)$/i.test(member)) return 'volume';
  return undefined;
}
