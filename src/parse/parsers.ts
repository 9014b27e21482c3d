// The parser for each structured format, behind the ParserSet the source files use. Grammars that load
// asynchronously (HCL's WebAssembly) are loaded before the scan when some file needs them.
import type { FileFormat } from '../model.js';
import type { ParserSet } from '../source-file.js';
import type { DataDocument } from './data-tree.js';
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

export function parserSet(): ParserSet {
  return {
    data(format, text, spanOf) {
      const parser = DATA_PARSERS[format];
      return parser ? parser(text, spanOf) : undefined;
    },
    script: parseScript,
  };
}
