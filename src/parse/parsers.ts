// The parser for each structured format, behind the ParserSet the source files use. Grammars that load
// asynchronously (HCL's WebAssembly) are loaded before the scan when some file needs them.
import type { FileFormat } from '../model.js';
import type { ParserSet } from '../source-file.js';
import type { DataDocument, DataNode } from './data-tree.js';
import { loadHclGrammar, parseHcl } from './hcl.js';
import type { ParseResult, SpanOf } from './index.js';
import { parseJson } from './json.js';
import { parseDotenv, parseIni, parseProperties } from './lines.js';
import { parseScript } from './script.js';
import { parseToml } from './toml.js';
import { parseYaml } from './yaml.js';

type DataParser = (text: string, spanOf: SpanOf) => ParseResult<DataDocument>;

const DATA_PARSERS: Partial<Record<FileFormat, DataParser>> = {
  yaml: parseYaml,
  json: parseJson,
  notebook: parseJson,
  toml: parseToml,
  ini: parseIni,
  properties: parseProperties,
  dotenv: parseDotenv,
  hcl: parseHcl,
};

/** Loads what the given formats need; call before scanning files of those formats. */
export async function initParsers(formats: Iterable<FileFormat>): Promise<void> {
  for (const format of formats) {
    if (format === 'hcl') await loadHclGrammar();
  }
}

/**
 * Deeper than this, a document is read as text: the walks over the tree recurse, and no configuration nests so deep
 * (a generated or hostile file of 20,000 nested objects overflowed the stack in a detector, which lost the file).
 */
export const MAX_DATA_DEPTH = 256;

export function parserSet(): ParserSet {
  return {
    data(format, text, spanOf) {
      const parser = DATA_PARSERS[format];
      if (!parser) return undefined;
      let result: ParseResult<DataDocument>;
      try {
        result = parser(text, spanOf);
      } catch (error) {
        if (error instanceof RangeError) return tooDeep();
        throw error;
      }
      // A parser that catches its own stack overflow (yaml does) reports it as an error of the document.
      if (!result.ok && STACK_OVERFLOW.test(result.error.message)) return tooDeep();
      return result.ok && result.value.roots.some((root) => deeperThan(root, MAX_DATA_DEPTH)) ? tooDeep() : result;
    },
    script: parseScript,
  };
}

const STACK_OVERFLOW = /maximum call stack size exceeded/i;

function tooDeep(): ParseResult<DataDocument> {
  return { ok: false, error: { message: `nested deeper than ${MAX_DATA_DEPTH} levels` } };
}

/** Whether the tree nests deeper than `limit`, walked with a stack of its own (the point is not to recurse). */
function deeperThan(root: DataNode, limit: number): boolean {
  const stack: Array<[DataNode, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    if (node.kind === 'map') for (const entry of node.entries) stack.push([entry.value, depth + 1]);
    else if (node.kind === 'seq') for (const item of node.items) stack.push([item, depth + 1]);
  }
  return false;
}
