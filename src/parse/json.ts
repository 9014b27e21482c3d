// JSON and JSONC (comments and trailing commas, as tsconfig and VS Code settings use) into the positioned data tree.
import { parse as parseValue, parseTree, printParseErrorCode, visit, type Node as JsonNode, type ParseError as JsonParseError, type ParseErrorCode } from 'jsonc-parser';
import type { Span } from '../model.js';
import type { DataDocument, DataNode, MapEntry, MapNode, SeqNode } from './data-tree.js';
import type { ParseResult, SpanOf } from './index.js';

const OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true };
/** A line break jsonc-parser counts and the file's line index (lines end at LF) does not: a lone CR. */
const OTHER_LINE_BREAK = /\r(?!\n)/;

/**
 * A JSONC text's value, without positions: settings written inline in another file (a workflow input), which the
 * agents read as JSONC. Undefined when it does not parse.
 */
export function parseJsoncValue(text: string): unknown {
  const errors: JsonParseError[] = [];
  const value: unknown = parseValue(text, errors, OPTIONS);
  return errors.length === 0 ? value : undefined;
}

export function parseJson(text: string, spanOf: SpanOf): ParseResult<DataDocument> {
  return OTHER_LINE_BREAK.test(text) ? parseByTree(text, spanOf) : parseByEvents(text, spanOf);
}

/**
 * The tree built straight from the parser's events, which carry each token's line and column: no intermediate tree,
 * and no position lookup per node (large generated JSON files have hundreds of thousands of nodes).
 */
function parseByEvents(text: string, spanOf: SpanOf): ParseResult<DataDocument> {
  const roots: DataNode[] = [];
  // Open containers, and for maps the key waiting for its value.
  const open: Array<MapNode | SeqNode> = [];
  let pendingKey: { key: string; keySpan: Span } | undefined;
  let failure: { error: ParseErrorCode; offset: number } | undefined;
  const place = (node: DataNode): void => {
    const parent = open[open.length - 1];
    if (!parent) roots.push(node);
    else if (parent.kind === 'seq') parent.items.push(node);
    else if (pendingKey) {
      parent.entries.push({ key: pendingKey.key, keySpan: pendingKey.keySpan, value: node });
      pendingKey = undefined;
    }
  };
  const begin = (line: number, character: number): Span => ({ line: line + 1, column: character + 1, endLine: line + 1, endColumn: character + 1 });
  const close = (line: number, character: number): void => {
    const node = open.pop()!;
    node.span.endLine = line + 1;
    node.span.endColumn = character + 2;
  };
  visit(
    text,
    {
      onObjectBegin: (_offset, _length, line, character) => {
        const node: MapNode = { kind: 'map', span: begin(line, character), entries: [] };
        place(node);
        open.push(node);
      },
      onObjectEnd: (_offset, _length, line, character) => close(line, character),
      onArrayBegin: (_offset, _length, line, character) => {
        const node: SeqNode = { kind: 'seq', span: begin(line, character), items: [] };
        place(node);
        open.push(node);
      },
      onArrayEnd: (_offset, _length, line, character) => close(line, character),
      onObjectProperty: (property, _offset, length, line, character) => {
        pendingKey = { key: String(property), keySpan: { line: line + 1, column: character + 1, endLine: line + 1, endColumn: character + 1 + length } };
      },
      onLiteralValue: (value, _offset, length, line, character) => {
        place({ kind: 'scalar', span: { line: line + 1, column: character + 1, endLine: line + 1, endColumn: character + 1 + length }, value: value as string | number | boolean | null });
      },
      onError: (error, offset) => {
        failure ??= { error, offset };
      },
    },
    OPTIONS,
  );
  if (failure) return failed(failure.error, failure.offset, spanOf);
  return { ok: true, value: { roots: roots.slice(0, 1) } };
}

function failed(error: ParseErrorCode, offset: number, spanOf: SpanOf): ParseResult<DataDocument> {
  const position = spanOf(offset, offset);
  return { ok: false, error: { message: printParseErrorCode(error), line: position.line, column: position.column } };
}

/** Through jsonc-parser's tree, positions from the file's own line index: for files whose line breaks it counts differently. */
function parseByTree(text: string, spanOf: SpanOf): ParseResult<DataDocument> {
  const errors: JsonParseError[] = [];
  const tree = parseTree(text, errors, OPTIONS);
  const error = errors[0];
  if (error) return failed(error.error, error.offset, spanOf);
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
