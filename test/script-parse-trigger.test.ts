// The TypeScript parser (about 0.6 s to load) runs on a JS/TS file only when a secret-named binding continues on the
// next line with what may be a string; what it finds there is found, and nothing else asks for it.
import { describe, expect, it } from 'vitest';
import { findCredentials } from '../detectors/exposed-credential/find.js';
import { formatOf } from '../src/parse/index.js';
import { parserSet } from '../src/parse/parsers.js';
import { LoadedFile } from '../src/source-file.js';

/** Credentials found in a file, and how many times it asked for its AST. */
function scanScript(path: string, text: string): { values: string[]; parses: number } {
  const parsers = parserSet();
  let parses = 0;
  const counting = { ...parsers, script: (source: string, name: string) => (parses++, parsers.script(source, name)) };
  const lines = Array.from({ length: text.split('\n').length }, (_, index) => index + 1);
  const file = new LoadedFile({ path, absolutePath: `/repo/${path}`, tracked: true, gitIgnored: false }, formatOf(path), text, counting, 'all', lines, () => undefined);
  return { values: findCredentials(file).map((credential) => credential.value), parses };
}

describe('when a JS/TS file is parsed for bindings', () => {
  it('parses a secret-named binding continued with a string, and finds the string', () => {
    expect(scanScript('src/db.ts', "export const databasePassword =\n  'Vq7#mR2!pL9xT4wZ';\n")).toEqual({ values: ['Vq7#mR2!pL9xT4wZ'], parses: 1 });
    expect(scanScript('src/db.js', "const dbPassword =\n\n  // rotated in May\n  `Vq7#mR2!pL9xT4wZ`;\n")).toEqual({ values: ['Vq7#mR2!pL9xT4wZ'], parses: 1 });
    expect(scanScript('src/db.ts', "const dbPassword =\n  process.env.DB_PASSWORD ?? 'Vq7#mR2!pL9xT4wZ';\n").values).toEqual(['Vq7#mR2!pL9xT4wZ']);
  });

  it('does not parse for a continued expression, a type alias or a case label', () => {
    expect(scanScript('src/config.ts', 'const stripeSecretKey =\n  process.env.STRIPE_SECRET_KEY;\n')).toEqual({ values: [], parses: 0 });
    expect(scanScript('src/config.ts', 'export const apiKey =\n  loadKey(region);\n')).toEqual({ values: [], parses: 0 });
    expect(scanScript('src/lexer.ts', "export type Token =\n  | 'identifier'\n  | 'string';\n")).toEqual({ values: [], parses: 0 });
    expect(scanScript('src/visit.js', "switch (kind) {\n  case 'token':\n    return visitToken(node);\n}\n")).toEqual({ values: [], parses: 0 });
  });
});
