// One positioned tree for every structured format (YAML, JSON, TOML, INI, dotenv, properties, HCL), so a
// detector that looks for "a secret-named key bound to a literal" is written once for all of them.
import type { Span } from '../model.js';

export interface MapEntry {
  key: string;
  keySpan: Span;
  value: DataNode;
}

export interface MapNode {
  kind: 'map';
  span: Span;
  /** In source order; duplicate keys are kept (HCL repeats blocks, INI repeats sections). */
  entries: MapEntry[];
  /** Set on an HCL block's body: `resource "aws_db_instance" "main" {}` is type `resource`, labels [aws_db_instance, main]. */
  block?: { type: string; labels: string[] };
}

export interface SeqNode {
  kind: 'seq';
  span: Span;
  items: DataNode[];
}

export interface ScalarNode {
  kind: 'scalar';
  span: Span;
  value: string | number | boolean | null;
  /**
   * Set when the value is not a literal: an HCL expression (`var.x`, `aws_db.main.id`), a YAML tag (`!Ref X`),
   * or a template string with interpolations. Holds the source text of the expression.
   */
  expression?: string;
  /** YAML tag such as `!Ref`, `!Sub`, `!GetAtt`. */
  tag?: string;
}

export type DataNode = MapNode | SeqNode | ScalarNode;

export interface DataDocument {
  /** One root per document (YAML streams hold several). */
  roots: DataNode[];
}

/** A leaf and the key path that leads to it, for detectors that look at key/value pairs. */
export interface DataLeaf {
  /** Keys from the root; sequence items appear as their index. */
  path: Array<string | number>;
  /** The last map key on the path, when the leaf sits under a key. */
  key?: string;
  keySpan?: Span;
  node: ScalarNode;
  /** The map that holds this leaf, for sibling lookups. */
  parent?: MapNode;
}

/** Depth-first, source-order walk over every scalar of a document. */
export function* leaves(document: DataDocument): Generator<DataLeaf> {
  for (const root of document.roots) yield* leavesOf(root, []);
}

function* leavesOf(node: DataNode, path: Array<string | number>, parent?: MapNode, key?: string, keySpan?: Span): Generator<DataLeaf> {
  switch (node.kind) {
    case 'scalar':
      yield { path, key, keySpan, node, parent };
      return;
    case 'seq':
      for (let i = 0; i < node.items.length; i++) {
        yield* leavesOf(node.items[i]!, [...path, i], undefined, key, keySpan);
      }
      return;
    case 'map':
      for (const entry of node.entries) {
        yield* leavesOf(entry.value, [...path, entry.key], node, entry.key, entry.keySpan);
      }
  }
}

/** The value under `key` in a map node, first match. */
export function get(node: DataNode | undefined, key: string): DataNode | undefined {
  if (!node || node.kind !== 'map') return undefined;
  return node.entries.find((entry) => entry.key === key)?.value;
}

/** Follows a key path through maps (strings) and sequences (numbers). */
export function getPath(node: DataNode | undefined, path: ReadonlyArray<string | number>): DataNode | undefined {
  let current = node;
  for (const step of path) {
    if (!current) return undefined;
    if (typeof step === 'number') current = current.kind === 'seq' ? current.items[step] : undefined;
    else current = get(current, step);
  }
  return current;
}

/** A scalar's value as a string, or undefined for maps, sequences, null and expressions. */
export function literalString(node: DataNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar' || node.expression !== undefined || node.value === null) return undefined;
  return String(node.value);
}

/** The literal strings of a value written as one string or a list of them (`Action: "*"`, `Action: ["s3:Get*"]`). */
export function literalStrings(node: DataNode | undefined): string[] {
  if (!node) return [];
  if (node.kind === 'seq') return node.items.flatMap(literalStrings);
  const literal = literalString(node);
  return literal === undefined ? [] : [literal];
}
