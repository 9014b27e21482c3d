// The remembered line pass answers exactly what the line pass does (filtered by the caller's test), at any offset,
// the first time and after.
import { describe, expect, it } from 'vitest';
import { lineBindings, lineBindingsOfLine, type Binding } from '../detectors/exposed-credential/bindings.js';

const all = (_binding: Binding) => true;
const longValues = (binding: Binding) => binding.value.length >= 12;

const LINES = [
  'export STRIPE_SECRET_KEY=sk_live_abcdefghijklmnop1234',
  '  const apiKey = process.env.API_KEY ?? "fallback-secret-1234";',
  '"Authorization": "Bearer abcdef0123456789abcdef"',
  '<password>hunter2hunter2</password>',
  'db_url = postgres://user:pa55word@db.internal/app # token=abc',
  'nothing to see here',
  'API = os.getenv("ACME_API_TOKEN", "Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL"); os.environ["ACME_KEY"] = \'Hx8nQ3wL6vR1tY9kP4sZ\'',
  'vercel deploy --prod --token vClbqAA64w7ONY5oodVVw48K --scope="acme" --api-key=abc123def456',
  `token: ${'x'.repeat(500)}`,
];

describe('lineBindings', () => {
  it("places each value where it is in the line: the text at a binding's start and end is its value", () => {
    const calls = [
      "define('FORGE_TOKEN', 'Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL');",
      '\tos.Setenv("LINODE_TOKEN", "9f3c2a7e1b5d4c8f0a6e2d9b7c1f4a3e")',
      "'api_key' => env('ACME_API_KEY' , 'Hx8nQ3wL6vR1tY9kP4sZ' ) ,",
    ];
    for (const bare of [true, false]) {
      for (const line of [...LINES, ...calls]) {
        for (const binding of lineBindings(line, 0, bare)) expect(line.slice(binding.start, binding.end), line).toBe(binding.value);
      }
    }
    expect(lineBindings(calls[0]!, 0, false).map((binding) => binding.name)).toContain('FORGE_TOKEN');
  });
});

describe('lineBindingsOfLine', () => {
  for (const bare of [true, false]) {
    it(`equals lineBindings on every line and offset (${bare ? 'data' : 'code'} files), twice`, () => {
      for (const round of [1, 2]) {
        for (const [index, line] of LINES.entries()) {
          const offset = index * 1000 + round;
          expect(lineBindingsOfLine(line, offset, bare, all)).toEqual(lineBindings(line, offset, bare));
        }
      }
      expect(lineBindingsOfLine(LINES[1]!, 0, bare, all).length).toBeGreaterThan(0);
    });
  }

  it('keeps only what the caller\'s test accepts, from the first answer on', () => {
    const line = 'password = "hunter2"; api_token = "Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL"';
    for (const round of [1, 2]) {
      const kept = lineBindingsOfLine(line, round, true, longValues);
      expect(kept.map((binding) => binding.name)).toEqual(['api_token']);
      expect(kept).toEqual(lineBindings(line, round, true).filter(longValues));
    }
    expect(lineBindingsOfLine('nothing = "short"', 0, true, longValues)).toEqual([]);
    // Another test starts the remembered answers anew.
    expect(lineBindingsOfLine(line, 0, true, all)).toEqual(lineBindings(line, 0, true));
  });

  it('hands out copies: changing one result does not change the next', () => {
    const first = lineBindingsOfLine(LINES[0]!, 10, true, all);
    first[0]!.start = -1;
    expect(lineBindingsOfLine(LINES[0]!, 10, true, all)[0]!.start).not.toBe(-1);
  });
});
