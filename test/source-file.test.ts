// A file's lines read through the starts the prefilter found on the way (only the keyword lines) are the lines the
// full line index gives, whatever the line endings, the order they are asked in, and lines the prefilter never saw.
import { describe, expect, it } from 'vitest';
import { formatOf } from '../src/parse/index.js';
import { parserSet } from '../src/parse/parsers.js';
import { KeywordIndex } from '../src/prefilter.js';
import { LoadedFile } from '../src/source-file.js';

const index = new KeywordIndex({ groups: [['token']], lineKeywords: ['token'] });

function loaded(text: string, withStarts: boolean): LoadedFile {
  const path = 'config/app.py';
  const hits = index.findInBytes(Buffer.from(text, 'latin1'));
  return new LoadedFile({ path, absolutePath: `/repo/${path}`, tracked: true, gitIgnored: false }, formatOf(path), text, parserSet(), hits.found, hits.lines, () => undefined, withStarts ? hits.lineOffsets : undefined);
}

function everyLine(file: LoadedFile, order: number[]) {
  return order.map((n) => ({ n, line: file.line(n), start: file.lineStart(n), end: file.lineEnd(n) }));
}

describe('keyword line starts from the prefilter', () => {
  const texts = {
    'LF, a last line without newline': 'import os\nTOKEN = "abc"\n\nx = 1\napi_token = os.environ["T"]\n# token',
    'CRLF': 'a = 1\r\ntoken = "x"\r\n\r\nb = 2\r\nmy_token: y\r\n',
    'keyword on the first line, empty lines around': 'token\n\n\n\ntoken\n\n',
    'Latin-1 bytes (one byte, one unit)': 'caf\xe9 = 1\ntoken = "\xe9t\xe9"\nfin\n',
  };

  for (const [name, text] of Object.entries(texts)) {
    it(name, () => {
      const lines = text.split('\n').length;
      const ascending = Array.from({ length: lines + 1 }, (_, i) => i + 1);
      const shuffled = [...ascending].reverse().concat(ascending.filter((n) => n % 2 === 0));
      const reference = loaded(text, false);
      expect(reference.keywordLines().length).toBeGreaterThan(0);
      // A file read through the prefilter's starts, asked only for its keyword lines first: no full index is built.
      const fast = loaded(text, true);
      const keywordLines = fast.keywordLines();
      expect(everyLine(fast, [...keywordLines])).toEqual(everyLine(reference, [...keywordLines]));
      expect((fast as unknown as { starts?: number[] }).starts).toBeUndefined();
      expect(everyLine(loaded(text, true), shuffled)).toEqual(everyLine(reference, shuffled));
      expect(everyLine(loaded(text, true), ascending)).toEqual(everyLine(reference, ascending));
    });
  }
});
