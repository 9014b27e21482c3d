// Values a Terraform run is given on its command line: `-var "name=value"` (quoted or not, `-var=` or `-var `), as
// CI jobs write them. Expressions (`$VAR`, `${{ … }}`) are no values.

export interface CliVariable {
  name: string;
  value: string;
  /** Offset of the `-var` in the text. */
  index: number;
}

const CLI_VARIABLE = /(?<=^|\s)--?var(?:=|\s+)(?:"([A-Za-z_][\w-]*)=([^"\n]*)"|'([A-Za-z_][\w-]*)=([^'\n]*)'|([A-Za-z_][\w-]*)=([^\s"'\\]+))/g;

export function terraformCliVariables(text: string): CliVariable[] {
  const found: CliVariable[] = [];
  for (const match of text.matchAll(CLI_VARIABLE)) {
    const name = match[1] ?? match[3] ?? match[5]!;
    const value = match[2] ?? match[4] ?? match[6]!;
    if (value === '' || value.includes('$')) continue;
    found.push({ name, value, index: match.index });
  }
  return found;
}
