// HCL (Terraform, Terragrunt, .terraformrc) into the positioned data tree, through the tree-sitter HCL grammar
// (WebAssembly, so it installs anywhere Node runs). A block becomes an entry keyed by its type whose map carries the
// labels; literal attributes become scalars and everything else keeps its source text as an expression.
import { createRequire } from 'node:module';
import { Language, Parser, type Node as SyntaxNode } from 'web-tree-sitter';
import type { DataDocument, DataNode, MapEntry, MapNode } from './data-tree.js';
import type { ParseResult, SpanOf } from './index.js';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/** Loads the grammar once per process; cheap to call again. */
export function loadHclGrammar(): Promise<void> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    await Parser.init();
    const language = await Language.load(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'));
    const created = new Parser();
    created.setLanguage(language);
    parser = created;
  })();
  return loading;
}

export function parseHcl(text: string, spanOf: SpanOf): ParseResult<DataDocument> {
  if (!parser) return { ok: false, error: { message: 'the HCL grammar is not loaded' } };
  const tree = parser.parse(text);
  if (!tree) return { ok: false, error: { message: 'the HCL parser gave up' } };
  try {
    const root = tree.rootNode;
    if (root.hasError) {
      const bad = firstError(root);
      // An ERROR node often spans from the start of the broken block; its last piece is nearer to the mistake.
      const near = bad?.isError ? (bad.namedChildren[bad.namedChildren.length - 1] ?? bad) : bad;
      const position = near ? spanOf(near.startIndex, near.startIndex) : undefined;
      return { ok: false, error: { message: bad?.isMissing ? `missing ${bad.type}` : 'syntax error', line: position?.line, column: position?.column } };
    }
    const body = root.namedChildren.find((child) => child?.type === 'body');
    const map: MapNode = { kind: 'map', span: spanOf(0, text.length), entries: body ? bodyEntries(body, spanOf) : [] };
    return { ok: true, value: { roots: [map] } };
  } finally {
    tree.delete();
  }
}

function bodyEntries(body: SyntaxNode, spanOf: SpanOf): MapEntry[] {
  const entries: MapEntry[] = [];
  for (const child of body.namedChildren) {
    if (!child) continue;
    if (child.type === 'attribute') {
      const name = child.namedChildren.find((node) => node?.type === 'identifier');
      const expression = child.namedChildren.find((node) => node?.type === 'expression');
      if (!name) continue;
      entries.push({
        key: name.text,
        keySpan: spanOf(name.startIndex, name.endIndex),
        value: expression ? convertExpression(expression, spanOf) : { kind: 'scalar', span: spanOf(child.startIndex, child.endIndex), value: null },
      });
    } else if (child.type === 'block') {
      const parts = child.namedChildren.filter((node): node is SyntaxNode => node !== null);
      const type = parts[0];
      if (!type) continue;
      const labels = parts.filter((node, index) => index > 0 && (node.type === 'string_lit' || node.type === 'identifier')).map(labelText);
      const inner = parts.find((node) => node.type === 'body');
      entries.push({
        key: type.text,
        keySpan: spanOf(type.startIndex, type.endIndex),
        value: { kind: 'map', span: spanOf(child.startIndex, child.endIndex), entries: inner ? bodyEntries(inner, spanOf) : [], block: { type: type.text, labels } },
      });
    }
  }
  return entries;
}

function convertExpression(node: SyntaxNode, spanOf: SpanOf): DataNode {
  const span = spanOf(node.startIndex, node.endIndex);
  const children = node.namedChildren.filter((child): child is SyntaxNode => child !== null);
  // `expression` wraps exactly one thing when it is a literal or a collection; anything longer is an operation.
  const only = node.type === 'expression' && children.length === 1 ? children[0]! : node;
  switch (only.type) {
    case 'literal_value': {
      const literal = only.namedChildren[0];
      if (!literal) break;
      switch (literal.type) {
        case 'string_lit':
          return { kind: 'scalar', span, value: stringLiteral(literal) };
        case 'numeric_lit':
          return { kind: 'scalar', span, value: Number(literal.text) };
        case 'bool_lit':
          return { kind: 'scalar', span, value: literal.text === 'true' };
        case 'null_lit':
          return { kind: 'scalar', span, value: null };
      }
      break;
    }
    case 'template_expr': {
      // A heredoc or quoted template without interpolations is a plain string.
      const template = only.namedChildren[0];
      const hasInterpolation = template ? containsType(template, 'template_interpolation') || containsType(template, 'template_directive') : true;
      if (template && !hasInterpolation) {
        const literals = template.namedChildren.filter((child) => child?.type === 'template_literal').map((child) => child!.text);
        return { kind: 'scalar', span, value: unescape(literals.join('')) };
      }
      break;
    }
    case 'function_call': {
      // `jsonencode({...})` and `yamlencode({...})` build documents (IAM policies, k8s manifests) from HCL objects:
      // the object is what a reader needs, so it stands in for the call.
      const name = only.namedChildren[0];
      const args = only.namedChildren.find((child) => child?.type === 'function_arguments');
      const inner = args?.namedChildren.filter((child): child is SyntaxNode => child?.type === 'expression') ?? [];
      if (name && /^(?:jsonencode|yamlencode)$/.test(name.text) && inner.length === 1) return convertExpression(inner[0]!, spanOf);
      break;
    }
    case 'collection_value': {
      const collection = only.namedChildren[0];
      if (collection?.type === 'tuple') {
        return { kind: 'seq', span, items: collection.namedChildren.filter((child): child is SyntaxNode => child?.type === 'expression').map((child) => convertExpression(child, spanOf)) };
      }
      if (collection?.type === 'object') {
        const entries: MapEntry[] = [];
        for (const element of collection.namedChildren) {
          if (element?.type !== 'object_elem') continue;
          const key = element.childForFieldName('key');
          const value = element.childForFieldName('val');
          if (!key || !value) continue;
          entries.push({ key: objectKey(key), keySpan: spanOf(key.startIndex, key.endIndex), value: convertExpression(value, spanOf) });
        }
        return { kind: 'map', span, entries };
      }
      break;
    }
  }
  return { kind: 'scalar', span, value: null, expression: node.text };
}

function objectKey(key: SyntaxNode): string {
  const literal = key.namedChildren[0];
  if (literal?.type === 'literal_value' && literal.namedChildren[0]?.type === 'string_lit') return stringLiteral(literal.namedChildren[0]);
  return key.text;
}

function labelText(node: SyntaxNode): string {
  return node.type === 'string_lit' ? stringLiteral(node) : node.text;
}

function stringLiteral(node: SyntaxNode): string {
  return unescape(node.namedChildren.filter((child) => child?.type === 'template_literal').map((child) => child!.text).join(''));
}

function unescape(text: string): string {
  return text.replace(/\\([\\"nrt])/g, (_, escaped: string) => ({ n: '\n', r: '\r', t: '\t' })[escaped] ?? escaped);
}

function containsType(node: SyntaxNode, type: string): boolean {
  if (node.type === type) return true;
  for (const child of node.namedChildren) if (child && containsType(child, type)) return true;
  return false;
}

function firstError(node: SyntaxNode): SyntaxNode | undefined {
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    if (child && (child.hasError || child.isMissing)) {
      const found = firstError(child);
      if (found) return found;
    }
  }
  return undefined;
}
