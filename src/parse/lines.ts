// The line-oriented key/value formats (dotenv, INI, Java properties). No library keeps positions for these, and
// each is a handful of lines of grammar: one `KEY=value` per line, plus sections (INI) and quoting (dotenv).
import type { DataDocument, DataNode, MapEntry, MapNode, ScalarNode } from './data-tree.js';
import type { ParseResult, SpanOf } from './index.js';

/** `${VAR}`, `$VAR`, `%VAR%`-free dotenv references: the value names another variable rather than holding one. */
const REFERENCE = /\$\{[^}]*\}|^\$[A-Za-z_][A-Za-z0-9_]*$/;
const DOTENV_LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.\-]*)[ \t]*(?:=|:(?=[ \t]))[ \t]*/;

export function parseDotenv(text: string, spanOf: SpanOf): ParseResult<DataDocument> {
  const entries: MapEntry[] = [];
  let offset = 0;
  while (offset < text.length) {
    const lineEnd = endOfLine(text, offset);
    const line = text.slice(offset, lineEnd);
    const match = DOTENV_LINE.exec(line);
    if (match) {
      const keyStart = offset + match[0].indexOf(match[1]!);
      const valueStart = offset + match[0].length;
      const { value, end, quoted } = dotenvValue(text, valueStart, lineEnd);
      const scalar: ScalarNode = { kind: 'scalar', span: spanOf(valueStart, end), value };
      if (quoted !== "'" && REFERENCE.test(value)) scalar.expression = value;
      entries.push({ key: match[1]!, keySpan: spanOf(keyStart, keyStart + match[1]!.length), value: scalar });
      offset = nextLine(text, Math.max(end, lineEnd));
      continue;
    }
    offset = nextLine(text, lineEnd);
  }
  return { ok: true, value: { roots: [{ kind: 'map', span: spanOf(0, text.length), entries }] } };
}

/** A dotenv value: quoted (double quotes may span lines, as dotenv allows), or bare up to an inline ` #` comment. */
function dotenvValue(text: string, start: number, lineEnd: number): { value: string; end: number; quoted?: string } {
  const quote = text[start];
  if (quote === '"' || quote === "'" || quote === '`') {
    const close = text.indexOf(quote, start + 1);
    const multiline = quote === '"' || quote === '`';
    if (close !== -1 && (multiline || close < lineEnd)) {
      let value = text.slice(start + 1, close);
      if (quote === '"') value = value.replace(/\\n/g, '\n');
      return { value, end: close + 1, quoted: quote };
    }
  }
  let end = lineEnd;
  const comment = text.slice(start, lineEnd).search(/[ \t]#/);
  if (comment !== -1) end = start + comment;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '\r')) end--;
  return { value: text.slice(start, end), end };
}

export function parseIni(text: string, spanOf: SpanOf): ParseResult<DataDocument> {
  const root: MapNode = { kind: 'map', span: spanOf(0, text.length), entries: [] };
  let section = root;
  let offset = 0;
  while (offset < text.length) {
    const lineEnd = endOfLine(text, offset);
    const line = text.slice(offset, lineEnd);
    const trimmed = line.trim();
    const indent = line.length - line.trimStart().length;
    if (trimmed === '' || trimmed.startsWith(';') || trimmed.startsWith('#')) {
      offset = nextLine(text, lineEnd);
      continue;
    }
    const header = /^\[([^\]]+)\]/.exec(trimmed);
    if (header) {
      const start = offset + indent;
      section = { kind: 'map', span: spanOf(start, lineEnd), entries: [] };
      root.entries.push({ key: header[1]!.trim(), keySpan: spanOf(start + 1, start + 1 + header[1]!.length), value: section });
    } else {
      // `=` wins over `:` so that npmrc keys such as `//registry.npmjs.org/:_authToken=...` keep their colon.
      const separator = trimmed.includes('=') ? line.indexOf('=') : line.indexOf(':');
      if (separator > indent) {
        const rawKey = line.slice(indent, separator).trimEnd();
        const valueOffset = offset + separator + 1 + (line.slice(separator + 1).length - line.slice(separator + 1).trimStart().length);
        let valueEnd = lineEnd;
        while (valueEnd > valueOffset && /\s/.test(text[valueEnd - 1]!)) valueEnd--;
        let value = text.slice(valueOffset, valueEnd);
        if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]!)) value = value.slice(1, -1);
        section.entries.push({
          key: rawKey,
          keySpan: spanOf(offset + indent, offset + indent + rawKey.length),
          value: scalarOf(value, spanOf(valueOffset, valueEnd)),
        });
      }
    }
    offset = nextLine(text, lineEnd);
  }
  return { ok: true, value: { roots: [root] } };
}

export function parseProperties(text: string, spanOf: SpanOf): ParseResult<DataDocument> {
  const entries: MapEntry[] = [];
  let offset = 0;
  while (offset < text.length) {
    let lineEnd = endOfLine(text, offset);
    const line = text.slice(offset, lineEnd);
    const trimmed = line.trimStart();
    const indent = line.length - trimmed.length;
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('!')) {
      offset = nextLine(text, lineEnd);
      continue;
    }
    const separator = /\s*[=:]\s*|\s+/.exec(trimmed);
    const keyLength = separator ? separator.index : trimmed.length;
    const key = trimmed.slice(0, keyLength);
    const valueStart = offset + indent + keyLength + (separator ? separator[0].length : 0);
    // A trailing backslash continues the value on the next line.
    while (text[lineEnd - 1] === '\\' && lineEnd < text.length) lineEnd = endOfLine(text, lineEnd + 1);
    let valueEnd = lineEnd;
    while (valueEnd > valueStart && /\s/.test(text[valueEnd - 1]!)) valueEnd--;
    const value = text.slice(valueStart, valueEnd).replace(/\\\r?\n\s*/g, '');
    entries.push({ key, keySpan: spanOf(offset + indent, offset + indent + keyLength), value: scalarOf(value, spanOf(valueStart, valueEnd)) });
    offset = nextLine(text, lineEnd);
  }
  return { ok: true, value: { roots: [{ kind: 'map', span: spanOf(0, text.length), entries }] } };
}

function scalarOf(value: string, span: ScalarNode['span']): DataNode {
  const scalar: ScalarNode = { kind: 'scalar', span, value };
  if (REFERENCE.test(value)) scalar.expression = value;
  return scalar;
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  const end = newline === -1 ? text.length : newline;
  return end > from && text[end - 1] === '\r' ? end - 1 : end;
}

function nextLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline + 1;
}
