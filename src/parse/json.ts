// JSON and JSONC (comments and trailing commas, as tsconfig and VS Code settings use) into the positioned data tree.
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError as JsonParseError } from 'jsonc-parser';
import type { DataDocument, DataNode, MapEntry } from './data-tree.js';
import type { ParseResult, SpanOf } from './index.js';

export function parseJson(text: string, spanOf: SpanOf): ParseResult<DataDocument> {
  const errors: JsonParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const error = errors[0];
  if (error) {
    const position = spanOf(error.offset, error.offset);
    return { ok: false, error: { message: printParseErrorCode(error.error), line: position.line, column: position.column } };
  }
  return { ok: true, value: { roots: tree ? [convert(tree, spanOf)] : [] } };
}

function convert(node: JsonNode, spanOf: SpanOf): DataNode {
  const span = spanOf(node.offset, node.offset + node.length);
  switch (node.type) {
    case 'object': {
      const entries: MapEntry[] = [];
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode) continue;
        entries.push({
          key: String(keyNode.value),
          keySpan: spanOf(keyNode.offset, keyNode.offset + keyNode.length),
          value: valueNode ? convert(valueNode, spanOf) : { kind: 'scalar', span, value: null },
        });
      }
      return { kind: 'map', span, entries };
    }
    case 'array':
      return { kind: 'seq', span, items: (node.children ?? []).map((child) => convert(child, spanOf)) };
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: 'scalar', span, value: node.value as string | number | boolean };
    default:
      return { kind: 'scalar', span, value: null };
  }
}
