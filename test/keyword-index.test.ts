// The Aho-Corasick prefilter against the obvious search: on random text over the keywords' own letters (so
// overlapping and nested keywords are common), it finds exactly the keywords, groups and lines a naive scan finds.
import { describe, expect, it } from 'vitest';
import { KeywordIndex } from '../src/prefilter.js';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return state / 2 ** 32;
  };
}

function naive(text: string, groups: string[][], lineKeywords: string[]) {
  const lower = text.toLowerCase();
  const found = new Set([...groups.flat(), ...lineKeywords].map((k) => k.toLowerCase()).filter((k) => lower.includes(k)));
  let bits = 0;
  groups.forEach((group, index) => {
    if (group.some((k) => found.has(k.toLowerCase()))) bits |= 1 << index;
  });
  const lines = lower
    .split('\n')
    .flatMap((line, index) => (lineKeywords.some((k) => line.includes(k.toLowerCase())) ? [index + 1] : []));
  return { found: [...found].sort(), groups: bits, lines };
}

/** Where each 1-based line starts, in UTF-16 units of the text and in bytes of its UTF-8 encoding. */
function lineStarts(text: string): { text: number[]; bytes: number[] } {
  const starts = { text: [0], bytes: [0] };
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    bytes += Buffer.byteLength(text[i]!);
    if (text[i] === '\n') {
      starts.text.push(i + 1);
      starts.bytes.push(bytes);
    }
  }
  return starts;
}

describe('KeywordIndex', () => {
  const groups = [['token', 'Key', 'api_key', 'sk_live_'], ['kEy', 'keyring', 'ey'], ['aws::', 'akia'], ['blast-radius:']];
  const lineKeywords = ['token', 'secret', 'key'];
  const index = new KeywordIndex({ groups, lineKeywords });
  const javascript = new KeywordIndex({ groups, lineKeywords }, { engine: 'javascript' });
  const alphabet = 'tokenyKEYapi_sklvwAWS:IArdubh-\n\n  é€';

  it('matches a naive search on random text: bytes in WebAssembly and in JavaScript, and text', () => {
    const next = random(11);
    for (let round = 0; round < 400; round++) {
      let text = '';
      const length = Math.floor(next() * 300);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const expected = naive(text, groups, lineKeywords);
      const bytes = Buffer.from(text, 'utf8');
      const starts = lineStarts(text);
      for (const [hits, unit] of [[index.findInText(text), 'text'], [index.findInBytes(bytes), 'bytes'], [javascript.findInBytes(bytes), 'bytes']] as const) {
        expect({ found: [...hits.found].sort(), groups: hits.groups, lines: [...hits.lines] }).toEqual(expected);
        expect(hits.lineOffsets).toEqual(expected.lines.map((line) => starts[unit][line - 1]));
      }
    }
  });

  it('finds the same in long inputs, where the byte loop walks two halves at once, as the JavaScript loop and a naive search', () => {
    const next = random(23);
    for (let round = 0; round < 60; round++) {
      let text = '';
      // Lengths around the point where two streams start (256 bytes) and well past it, odd and even.
      const length = 200 + Math.floor(next() * 5000);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const bytes = Buffer.from(text, 'utf8');
      const expected = naive(text, groups, lineKeywords);
      const starts = lineStarts(text);
      for (const hits of [index.findInBytes(bytes), javascript.findInBytes(bytes)]) {
        expect({ found: [...hits.found].sort(), groups: hits.groups, lines: [...hits.lines] }).toEqual(expected);
        expect(hits.lineOffsets).toEqual(expected.lines.map((line) => starts.bytes[line - 1]));
      }
    }
  });

  it('reports every hit in order when they overflow the buffer the two-stream loop writes them to', () => {
    // Over 4,096 hits in each half: the loop stops and resumes many times, and the second half's lines are counted
    // on from the first's. The line keyword sits at a different place on each line.
    const lines = Array.from({ length: 20_001 }, (_, i) => `${'x'.repeat(i % 7)}token ${i}`);
    lines[10_000] = `${'y'.repeat(40)}key`;
    const bytes = Buffer.from(lines.join('\n'));
    const viaWasm = index.findInBytes(bytes);
    const viaJs = javascript.findInBytes(bytes);
    expect(viaWasm.lines).toHaveLength(20_001);
    expect([...viaWasm.lines]).toEqual([...viaJs.lines]);
    expect([...viaWasm.lineOffsets]).toEqual([...viaJs.lineOffsets]);
    expect([...viaWasm.found].sort()).toEqual([...viaJs.found].sort());
  });

  it('finds a keyword at every offset around the middle of an input, where the two halves meet', () => {
    // The longest keyword: the second half starts just far enough back to see it whole.
    for (let at = 250; at < 350; at++) {
      const text = `${'x'.repeat(at)}blast-radius:${'x'.repeat(600 - at)}`;
      expect(index.findInBytes(Buffer.from(text)).groups, `blast-radius: at ${at}`).toBe(1 << 3);
    }
    for (let at = 250; at < 350; at++) {
      const text = `${'x '.repeat(at >> 1)}${at % 2 ? 'x' : ''}secret\n${'x'.repeat(600 - at)}`;
      const hits = index.findInBytes(Buffer.from(text));
      expect([...hits.found], `secret at ${at}`).toEqual(['secret']);
      expect(hits.lines).toEqual([1]);
      const second = index.findInBytes(Buffer.from(`${text}\n${'x'.repeat(at)}token\n`));
      expect(second.lines, `token after ${at}`).toEqual([1, 3]);
    }
  });

  it('grows its WebAssembly memory for a large input and still finds a keyword at the very end', () => {
    // The byte loop runs in WebAssembly here (Node on a little-endian machine), not the JavaScript fallback.
    expect((index as unknown as { automaton?: object }).automaton).toBeDefined();
    expect((javascript as unknown as { automaton?: object }).automaton).toBeUndefined();
    const large = Buffer.alloc(3 * 1024 * 1024, 0x78);
    large.write('\nTOKEN', large.length - 6);
    const hits = index.findInBytes(large);
    expect([...hits.found]).toEqual(['token']);
    expect(hits.lines).toEqual([2]);
    expect([...index.findInBytes(Buffer.from('key')).found].sort()).toEqual(['ey', 'key']);
  });

  it('never lets a non-ASCII character continue a keyword', () => {
    expect([...index.findInText('tok\u00e9n to\u0000ken').found]).toEqual([]);
    expect([...index.findInBytes(Buffer.from('AKI\u00c1 akia', 'utf8')).found]).toEqual(['akia']);
  });

  it('falls back to the JavaScript loop when WebAssembly memory cannot grow (an input over about 4 GB)', () => {
    const local = new KeywordIndex({ groups, lineKeywords });
    const memory = (local as unknown as { automaton: { memory: { grow: (pages: number) => number } } }).automaton.memory;
    memory.grow = () => {
      throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
    };
    const large = Buffer.alloc(8 * 1024 * 1024, 0x20);
    large.write('x\nsecret key', large.length - 12);
    const hits = local.findInBytes(large);
    expect([...hits.found].sort()).toEqual(['ey', 'key', 'secret']);
    expect(hits.lines).toEqual([2]);
  });

  it('records lookup keywords as found, without a group bit or a line', () => {
    const lookup = new KeywordIndex({ groups: [['sk']], lineKeywords: ['token'], lookupKeywords: ['Twilio', 'provider "cloudflare"'] });
    const hits = lookup.findInBytes(Buffer.from('twilio_sid = 1\nprovider "Cloudflare" {}\n'));
    expect([...hits.found].sort()).toEqual(['provider "cloudflare"', 'twilio']);
    expect(hits.groups).toBe(0);
    expect(hits.lines).toEqual([]);
    const both = lookup.findInText('sk twilio token');
    expect([...both.found].sort()).toEqual(['sk', 'token', 'twilio']);
    expect(both.groups).toBe(1);
    expect(both.lines).toEqual([1]);
  });

  it('takes keywords in any case, and a line keyword that is also a group keyword', () => {
    const plain = new KeywordIndex({ groups: [['Password', 'pass']], lineKeywords: ['pass'] });
    const hits = plain.findInText('x\nPASSWORD=1\n');
    expect([...hits.found].sort()).toEqual(['pass', 'password']);
    expect(hits.groups).toBe(1);
    expect(hits.lines).toEqual([2]);
  });
});
