// Picks a file's format from its name and dispatches to the parser for it; every parser returns positions.
import type { FileFormat, Span } from '../model.js';
import { lookupTable } from '../lookup-table.js';

export interface ParseError {
  message: string;
  line?: number;
  column?: number;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: ParseError };

const BY_EXTENSION: Readonly<Record<string, FileFormat>> = lookupTable({
  yml: 'yaml',
  yaml: 'yaml',
  json: 'json',
  jsonc: 'json',
  json5: 'json',
  // VS Code workspace files are JSON with comments.
  'code-workspace': 'json',
  toml: 'toml',
  ini: 'ini',
  cfg: 'ini',
  conf: 'ini',
  properties: 'properties',
  tf: 'hcl',
  tfvars: 'hcl',
  hcl: 'hcl',
  // Nomad job files.
  nomad: 'hcl',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescript',
  py: 'python',
  pyi: 'python',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  md: 'markdown',
  mdx: 'markdown',
  ipynb: 'notebook',
});

const BY_NAME: Readonly<Record<string, FileFormat>> = lookupTable({
  dockerfile: 'dockerfile',
  containerfile: 'dockerfile',
  '.npmrc': 'ini',
  '.pypirc': 'ini',
  '.gitconfig': 'ini',
  '.editorconfig': 'ini',
  '.terraformrc': 'hcl',
  '.firebaserc': 'json',
  '.babelrc': 'json',
  '.eslintrc': 'json',
});

/** The format a file's name says it has. `.env`, `.env.production`, `prod.env` and `*.env.example` are dotenv. */
export function formatOf(path: string): FileFormat {
  // The engine and each detector ask about the file in hand, one after another: the last path is answered at once,
  // other repeats (the same names in many directories) from a cache of the names seen.
  if (path === lastPath) return lastFormat;
  const name = path.slice(path.lastIndexOf('/') + 1);
  let format = formats.get(name);
  if (format === undefined) {
    format = formatOfName(name.toLowerCase());
    if (formats.size >= 50_000) formats.clear();
    formats.set(name, format);
  }
  lastPath = path;
  lastFormat = format;
  return format;
}

const formats = new Map<string, FileFormat>();
let lastPath: string | undefined;
let lastFormat: FileFormat = 'text';

function formatOfName(name: string): FileFormat {
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env') || name === '.envrc') return 'dotenv';
  // A template of one (`production.env.example`, `app.env.sample`) is written the same way.
  if (/\.env\.(?:example|sample|template|tmpl|dist)$/.test(name)) return 'dotenv';
  // Terraform state and its backups are JSON: an output's value is named by the output (`"railway_token": {"value": …}`).
  if (/\.tfstate(?:\.\d+)?(?:\.backup)?$/.test(name)) return 'json';
  // Both tables have no prototype: a file named `constructor` or `x.toString` finds nothing in them.
  const byName = BY_NAME[name];
  if (byName) return byName;
  if (name.startsWith('dockerfile.') || name.endsWith('.dockerfile')) return 'dockerfile';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return 'text';
  return BY_EXTENSION[name.slice(dot + 1)] ?? 'text';
}


/** Converts offsets in the parsed text to a span; parsers get it from the file so line indexes are built once. */
export type SpanOf = (start: number, end: number) => Span;
