// Reading agent configuration trees defensively: a wrong shape is a notification, never an exception.
import type { FileEmitter, SourceFile, Span } from '../../../src/model.js';
import { get, type DataNode, type MapNode } from '../../../src/parse/data-tree.js';
import { parseYaml } from '../../../src/parse/yaml.js';

export interface StringItem {
  value: string;
  span: Span;
}

/** The document's root map; undefined (with a notification) when the file parses but is not an object. */
export function rootMap(file: SourceFile, out: FileEmitter): MapNode | undefined {
  const document = file.data();
  if (!document) return undefined; // the engine already reported the parse error
  const root = document.roots[0];
  if (root === undefined) return undefined;
  if (root.kind !== 'map') {
    invalid(file, out, `${file.path} is not an object; its agent settings were not read.`, root.span.line);
    return undefined;
  }
  return root;
}

/** A map under `key`, or undefined; a non-map value there is a notification. */
export function mapAt(file: SourceFile, out: FileEmitter, node: DataNode | undefined, key: string): MapNode | undefined {
  const value = get(node, key);
  if (value === undefined || (value.kind === 'scalar' && value.value === null)) return undefined;
  if (value.kind !== 'map') {
    invalid(file, out, `${key} in ${file.path} should be an object; it was ignored.`, value.span.line);
    return undefined;
  }
  return value;
}

/** String items of a list under `key`; other shapes and non-string items are notifications. */
export function stringsAt(file: SourceFile, out: FileEmitter, node: DataNode | undefined, key: string): StringItem[] {
  const value = get(node, key);
  if (value === undefined || (value.kind === 'scalar' && value.value === null)) return [];
  return stringsOf(file, out, value, key);
}

export function stringsOf(file: SourceFile, out: FileEmitter, value: DataNode, label: string): StringItem[] {
  if (value.kind !== 'seq') {
    invalid(file, out, `${label} in ${file.path} should be a list; it was ignored.`, value.span.line);
    return [];
  }
  const items: StringItem[] = [];
  for (const item of value.items) {
    if (item.kind === 'scalar' && typeof item.value === 'string') items.push({ value: item.value, span: item.span });
    else invalid(file, out, `An entry of ${label} in ${file.path} is not a string; it was ignored.`, item.span.line);
  }
  return items;
}

/** A string scalar under `key`, with its span. */
export function stringAt(node: DataNode | undefined, key: string): StringItem | undefined {
  const value = get(node, key);
  if (value?.kind !== 'scalar' || typeof value.value !== 'string') return undefined;
  return { value: value.value, span: value.span };
}

/** A boolean under `key` (`true`/`false`, or their string forms in YAML/TOML), with its span. */
export function booleanAt(node: DataNode | undefined, key: string): { value: boolean; span: Span } | undefined {
  const value = get(node, key);
  if (value?.kind !== 'scalar') return undefined;
  if (typeof value.value === 'boolean') return { value: value.value, span: value.span };
  if (value.value === 'true' || value.value === 'false') return { value: value.value === 'true', span: value.span };
  return undefined;
}

/** The span of the whole line a node starts on: findings sit on the line. */
export function lineSpan(file: SourceFile, span: Span): Span {
  const text = file.line(span.line);
  const indent = text.length - text.trimStart().length;
  return { line: span.line, column: indent + 1, endLine: span.line, endColumn: text.trimEnd().length + 1 };
}

export function invalid(file: SourceFile, out: FileEmitter, message: string, line?: number): void {
  out.notify({ level: 'warning', code: 'agent-config-invalid', message, path: file.path, line });
}

export function unknownValue(file: SourceFile, out: FileEmitter, message: string, line?: number): void {
  out.notify({ level: 'note', code: 'agent-config-unknown-value', message, path: file.path, line });
}

/** The directory of a repo-relative path, with a trailing slash (empty at the root). */
export function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/** The directory an agent works in when its configuration sits in a dot-directory there (`.gemini/settings.json`). */
export function projectOfConfig(path: string): string {
  return directoryOf(directoryOf(path).replace(/\/$/, ''));
}

/**
 * A Markdown file's YAML front matter (between `---` lines at its top) as a map, with spans in the file; undefined
 * when there is none or it does not parse.
 */
export function frontMatter(file: SourceFile): MapNode | undefined {
  const open = /^---[ \t]*\r?\n/.exec(file.text);
  if (!open) return undefined;
  const start = open[0].length;
  const close = /^---[ \t]*\r?$/m;
  const rest = file.text.slice(start);
  const end = close.exec(rest);
  if (!end) return undefined;
  const parsed = parseYaml(rest.slice(0, end.index), (from, to) => file.spanOf(start + from, start + to));
  const root = parsed.ok ? parsed.value.roots[0] : undefined;
  return root?.kind === 'map' ? root : undefined;
}
