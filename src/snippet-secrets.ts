// Every credential a scan found, by file and line, so that a snippet never prints one in full: a finding shows its own
// value redacted, and its line often holds another (`App(token="xoxb-…", signing_secret="…")`).
import type { Credential } from './facts/credential.js';
import type { Location } from './model.js';
import { redactIn } from './redact.js';

interface Placed {
  column: number;
  value: string;
}

/** Further than a snippet reaches from its finding (a long line shows about 200 characters around it). */
const REACH = 400;

export class SnippetSecrets {
  private readonly byLine = new Map<string, Placed[]>();

  constructor(credentials: readonly Credential[]) {
    for (const credential of credentials) {
      if (credential.value.length < 4) continue;
      const { path, span } = credential.location;
      const key = `${path}\u0000${span.line}`;
      const placed = this.byLine.get(key);
      if (placed) placed.push({ column: span.column, value: credential.value });
      else this.byLine.set(key, [{ column: span.column, value: credential.value }]);
    }
    for (const placed of this.byLine.values()) placed.sort((a, b) => a.column - b.column);
  }

  /**
   * The snippet with every credential on the finding's lines near its column redacted, longest first (a shorter
   * value inside a longer one would otherwise break it). A minified line holding thousands is searched by column.
   */
  redact(snippet: string, location: Location): string {
    const near: string[] = [];
    for (let line = location.span.line; line <= location.span.endLine; line++) {
      const placed = this.byLine.get(`${location.path}\u0000${line}`);
      if (!placed) continue;
      const column = line === location.span.line ? location.span.column : 1;
      for (let index = lowerBound(placed, column - REACH); index < placed.length && placed[index]!.column <= column + REACH; index++) near.push(placed[index]!.value);
    }
    let shown = snippet;
    for (const value of [...new Set(near)].sort((a, b) => b.length - a.length)) if (shown.includes(value)) shown = redactIn(shown, value);
    return shown;
  }
}

function lowerBound(placed: readonly Placed[], column: number): number {
  let low = 0;
  let high = placed.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (placed[middle]!.column < column) low = middle + 1;
    else high = middle;
  }
  return low;
}
