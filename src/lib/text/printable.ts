/**
 * Text from a submission (a learner's name, an exercise id) made safe for a terminal: control
 * characters and bidirectional overrides are written as escapes, so a newline or an ANSI escape
 * in a name cannot forge or recolour a row of the gradebook.
 */
export function printable(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code === 10) out += "\\n";
    else if (code === 13) out += "\\r";
    else if (code === 9) out += "\\t";
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069) ||
      code === 0x200e ||
      code === 0x200f
    )
      out += `\\u${code.toString(16)}`;
    else out += ch;
  }
  return out;
}
