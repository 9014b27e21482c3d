// The heading a document's line sits under: a runbook names the provider once, in the heading (`## Cloudflare`), and
// its table rows and list items below say only `API token`. Markdown's ATX and setext headings, reStructuredText's
// underlined titles and AsciiDoc's `==` titles.
import type { SourceFile } from '../../src/model.js';

/** How far up a heading is looked for: a provider's section of a runbook is short. */
const MAX_LINES_UP = 60;
/** More words than this is a sentence (`How we rotate the keys after an incident`), not a name. */
const MAX_WORDS = 6;

const ATX = /^[ \t]{0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
const ASCIIDOC = /^={1,6}[ \t]+(\S.*?)[ \t]*$/;
/** The line under a setext heading or a reStructuredText title: one punctuation character repeated. */
const UNDERLINE = /^[ \t]*(?:={3,}|-{3,}|~{3,}|\^{3,}|\*{3,}|"{3,}|\+{3,})[ \t]*$/;
/** A YAML front matter's last key above its closing `---`, not a title. */
const FRONT_MATTER_KEY = /^[\w-]+:(?:\s|$)/;

/** The text of the nearest heading above `line`, without its markup, when it is short enough to be a name. */
export function headingAbove(file: SourceFile, line: number): string | undefined {
  for (let above = line - 1; above >= 1 && line - above <= MAX_LINES_UP; above--) {
    const text = file.line(above);
    const titled = ATX.exec(text) ?? ASCIIDOC.exec(text);
    if (titled) return nameOf(titled[1]!);
    if (above > 1 && UNDERLINE.test(text)) {
      const title = file.line(above - 1).trim();
      if (title === '' || title.includes('|') || UNDERLINE.test(title) || FRONT_MATTER_KEY.test(title)) continue;
      return nameOf(title);
    }
  }
  return undefined;
}

/** A heading's words without emphasis, code spans and link targets; undefined for a sentence. */
function nameOf(heading: string): string | undefined {
  const plain = heading.replace(/\]\([^)]*\)/g, ' ').replace(/[`*[\]]/g, ' ').trim();
  const words = plain.match(/[A-Za-z0-9]+/g) ?? [];
  return words.length > 0 && words.length <= MAX_WORDS ? plain : undefined;
}
