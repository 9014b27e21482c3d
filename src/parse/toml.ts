// TOML into the positioned data tree, through toml-eslint-parser (smol-toml and friends drop positions).
// Tables and dotted keys become nested maps; `[[array]]` tables become a sequence of maps, as TOML means them.
import { parseTOML, type AST } from 'toml-eslint-parser';
import type { Span } from '../model.js';
import type { DataDocument, DataNode, MapNode, SeqNode } from './data-tree.js';
import type { ParseResult, SpanOf } from './index.js';

export function parseToml(text: string, spanOf: SpanOf): ParseResult<DataDocument> {
  let program: AST.TOMLProgram;
  try {
    program = parseTOML(text);
  } catch (error) {
    const located = error as { message: string; lineNumber?: number; column?: number };
    return { ok: false, error: { message: located.message, line: located.lineNumber, column: located.column } };
  }
  const top = program.body[0];
  const root: MapNode = { kind: 'map', span: spanOf(0, text.length), entries: [] };
  for (const item of top.body) {
    if (item.type === 'TOMLKeyValue') {
      insertKeyValue(root, item, spanOf);
      continue;
    }
    const keys = item.key.keys.map(keyName);
    const tableSpan = spanOf(item.range[0], item.range[1]);
    const keySpan = spanOf(item.key.range[0], item.key.range[1]);
    let table: MapNode;
    if (item.kind === 'array') {
      const parent = descend(root, keys.slice(0, -1), keySpan, tableSpan);
      const last = keys[keys.length - 1]!;
      let seq = parent.entries.find((entry) => entry.key === last && entry.value.kind === 'seq')?.value as SeqNode | undefined;
      if (!seq) {
        seq = { kind: 'seq', span: tableSpan, items: [] };
        parent.entries.push({ key: last, keySpan, value: seq });
      }
      table = { kind: 'map', span: tableSpan, entries: [] };
      seq.items.push(table);
    } else {
      table = descend(root, keys, keySpan, tableSpan);
    }
    for (const keyValue of item.body) insertKeyValue(table, keyValue, spanOf);
  }
  return { ok: true, value: { roots: [root] } };
}

function insertKeyValue(into: MapNode, keyValue: AST.TOMLKeyValue, spanOf: SpanOf): void {
  const keys = keyValue.key.keys.map(keyName);
  const keySpan = spanOf(keyValue.key.range[0], keyValue.key.range[1]);
  const parent = descend(into, keys.slice(0, -1), keySpan, keySpan);
  parent.entries.push({ key: keys[keys.length - 1]!, keySpan, value: convert(keyValue.value, spanOf) });
}

/** Walks (creating as needed) nested maps; an array-of-tables step goes into its latest table, as TOML resolves it. */
function descend(from: MapNode, keys: readonly string[], keySpan: Span, span: Span): MapNode {
  let current = from;
  for (const key of keys) {
    const existing = current.entries.find((entry) => entry.key === key)?.value;
    if (existing?.kind === 'map') {
      current = existing;
    } else if (existing?.kind === 'seq' && existing.items[existing.items.length - 1]?.kind === 'map') {
      current = existing.items[existing.items.length - 1] as MapNode;
    } else {
      const created: MapNode = { kind: 'map', span, entries: [] };
      current.entries.push({ key, keySpan, value: created });
      current = created;
    }
  }
  return current;
}

function convert(node: AST.TOMLContentNode, spanOf: SpanOf): DataNode {
  const span = spanOf(node.range[0], node.range[1]);
  switch (node.type) {
    case 'TOMLArray':
      return { kind: 'seq', span, items: node.elements.map((element) => convert(element, spanOf)) };
    case 'TOMLInlineTable': {
      const map: MapNode = { kind: 'map', span, entries: [] };
      for (const keyValue of node.body) insertKeyValue(map, keyValue, spanOf);
      return map;
    }
    default:
      switch (node.kind) {
        case 'string':
        case 'integer':
        case 'float':
        case 'boolean':
          return { kind: 'scalar', span, value: node.value };
        default:
          return { kind: 'scalar', span, value: node.datetime };
      }
  }
}

function keyName(key: AST.TOMLBare | AST.TOMLQuoted): string {
  return key.type === 'TOMLBare' ? key.name : key.value;
}
