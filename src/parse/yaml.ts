// YAML (every document of a stream) into the positioned data tree. Aliases and merge keys (`<<: *base`) are
// resolved, because compose files and database.yml build environments out of them.
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, visit, type Alias, type Document, type Node as YamlNode } from 'yaml';
import type { Span } from '../model.js';
import type { DataDocument, DataNode, MapEntry } from './data-tree.js';
import type { ParseResult, SpanOf } from './index.js';

/** Deeper alias chains than this are a billion-laughs document, not a config. */
const MAX_ALIAS_DEPTH = 32;
/**
 * More nodes than this copied in through aliases is one too: nine anchors of nine aliases each expand to 9^9 nodes
 * at a depth of nine. Real configs (compose, database.yml, CI anchors) copy a few hundred.
 */
const MAX_ALIASED_NODES = 100_000;

/** One document being converted: its anchors, found once, and how many nodes aliases have copied so far. */
interface Conversion {
  document: Document.Parsed;
  spanOf: SpanOf;
  /** Nodes by anchor name, in document order (a later anchor of the same name serves the aliases after it). */
  anchors: Map<string, Array<{ at: number; node: YamlNode }>>;
  aliased: number;
}

class AliasBomb extends Error {}

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
    const conversion: Conversion = { document, spanOf, anchors: anchorsOf(document), aliased: 0 };
    try {
      roots.push(convert(document.contents as YamlNode, conversion, 0));
    } catch (error) {
      if (!(error instanceof AliasBomb)) throw error;
      return { ok: false, error: { message: `its aliases expand to more than ${MAX_ALIASED_NODES.toLocaleString('en-US')} nodes (an alias bomb); it was not read as YAML` } };
    }
  }
  return { ok: true, value: { roots } };
}

/**
 * Every anchored node of a document, found in one walk. (The library's `Alias.resolve` walks the document again for
 * each alias, which costs the product of aliases and nodes on a large file full of them.)
 */
function anchorsOf(document: Document.Parsed): Conversion['anchors'] {
  const anchors: Conversion['anchors'] = new Map();
  visit(document, (_key, node) => {
    const anchored = node as YamlNode;
    if (!anchored || isAlias(anchored) || !('anchor' in anchored) || !anchored.anchor) return;
    const list = anchors.get(anchored.anchor);
    const entry = { at: anchored.range?.[0] ?? 0, node: anchored };
    if (list) list.push(entry);
    else anchors.set(anchored.anchor, [entry]);
  });
  return anchors;
}

/** The node an alias names: the last node anchored with its name before it. */
function targetOf(alias: Alias, conversion: Conversion): YamlNode | undefined {
  const list = conversion.anchors.get(alias.source);
  if (!list) return undefined;
  const at = alias.range?.[0] ?? Number.MAX_SAFE_INTEGER;
  let found: YamlNode | undefined;
  for (const entry of list) if (entry.at < at) found = entry.node;
  return found;
}

function convert(node: YamlNode, conversion: Conversion, depth: number): DataNode {
  const span = spanFor(node, conversion.spanOf);
  if (depth > 0 && ++conversion.aliased > MAX_ALIASED_NODES) throw new AliasBomb();
  if (isAlias(node)) {
    const target = depth < MAX_ALIAS_DEPTH ? targetOf(node, conversion) : undefined;
    return target ? convert(target, conversion, depth + 1) : { kind: 'scalar', span, value: null, expression: `*${node.source}` };
  }
  if (isMap(node)) {
    const entries: MapEntry[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      // With merge keys on, `<<` comes back as a symbol.
      const key = keyNode && isScalar(keyNode) ? (typeof keyNode.value === 'symbol' ? '<<' : String(keyNode.value)) : keyNode ? String(keyNode) : '';
      const value = pair.value as YamlNode | null;
      const keySpan = keyNode ? spanFor(keyNode, conversion.spanOf) : span;
      if (key === '<<' && value) {
        // Merge keys: the merged maps' entries come first, so explicit keys later in the map win on lookup-by-last.
        const sources = isSeq(value) ? (value.items as YamlNode[]) : [value];
        for (const source of sources) {
          const merged = convert(source, conversion, depth + 1);
          if (merged.kind === 'map') entries.push(...merged.entries);
        }
        continue;
      }
      entries.push({ key, keySpan, value: value ? convert(value, conversion, depth) : { kind: 'scalar', span: keySpan, value: null } });
    }
    return { kind: 'map', span, entries };
  }
  if (isSeq(node)) {
    return { kind: 'seq', span, items: (node.items as YamlNode[]).map((item) => (item ? convert(item, conversion, depth) : { kind: 'scalar', span, value: null })) };
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
