// YAML (every document of a stream) into the positioned data tree. Aliases and merge keys (`<<: *base`) are
// resolved, because compose files and database.yml build environments out of them.
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import type { Span } from '../model.js';
import type { DataDocument, DataNode, MapEntry } from './data-tree.js';
import type { ParseResult, SpanOf } from './index.js';

/** Deeper alias chains than this are a billion-laughs document, not a config. */
const MAX_ALIAS_DEPTH = 32;

export function parseYaml(text: string, spanOf: SpanOf): ParseResult<DataDocument> {
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, { merge: true, prettyErrors: true, uniqueKeys: false, strict: false });
  } catch (error) {
    return { ok: false, error: { message: (error as Error).message } };
  }
  if (!Array.isArray(documents)) documents = [documents];
  const roots: DataNode[] = [];
  for (const document of documents) {
    const error = document.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line;
      return { ok: false, error: { message: firstLine(error.message), line, column: error.linePos?.[0]?.col } };
    }
    if (document.contents === null) continue;
    roots.push(convert(document.contents as YamlNode, document, spanOf, 0));
  }
  return { ok: true, value: { roots } };
}

function convert(node: YamlNode, document: Document.Parsed, spanOf: SpanOf, depth: number): DataNode {
  const span = spanFor(node, spanOf);
  if (isAlias(node)) {
    const target = depth < MAX_ALIAS_DEPTH ? node.resolve(document) : undefined;
    return target ? convert(target as YamlNode, document, spanOf, depth + 1) : { kind: 'scalar', span, value: null, expression: `*${node.source}` };
  }
  if (isMap(node)) {
    const entries: MapEntry[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      // With merge keys on, `<<` comes back as a symbol.
      const key = keyNode && isScalar(keyNode) ? (typeof keyNode.value === 'symbol' ? '<<' : String(keyNode.value)) : keyNode ? String(keyNode) : '';
      const value = pair.value as YamlNode | null;
      const keySpan = keyNode ? spanFor(keyNode, spanOf) : span;
      if (key === '<<' && value) {
        // Merge keys: the merged maps' entries come first, so explicit keys later in the map win on lookup-by-last.
        const sources = isSeq(value) ? (value.items as YamlNode[]) : [value];
        for (const source of sources) {
          const merged = convert(source, document, spanOf, depth + 1);
          if (merged.kind === 'map') entries.push(...merged.entries);
        }
        continue;
      }
      entries.push({ key, keySpan, value: value ? convert(value, document, spanOf, depth) : { kind: 'scalar', span: keySpan, value: null } });
    }
    return { kind: 'map', span, entries };
  }
  if (isSeq(node)) {
    return { kind: 'seq', span, items: (node.items as YamlNode[]).map((item) => (item ? convert(item, document, spanOf, depth) : { kind: 'scalar', span, value: null })) };
  }
  if (isScalar(node)) {
    const tag = node.tag && !node.tag.startsWith('tag:yaml.org,2002:') ? node.tag : undefined;
    const raw = node.value;
    const value = raw === null || raw === undefined ? null : typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : String(raw);
    // A tagged scalar (`!Ref Bucket`, `!Sub ...`) is an expression, not the literal text it holds.
    return tag ? { kind: 'scalar', span, value, tag, expression: `${tag} ${String(value ?? '')}` } : { kind: 'scalar', span, value };
  }
  return { kind: 'scalar', span, value: null };
}

function spanFor(node: YamlNode, spanOf: SpanOf): Span {
  const range = node.range;
  return range ? spanOf(range[0], range[1]) : spanOf(0, 0);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
