/**
 * Which shell a pasted script was written for. Azure's docs show az commands for Bash (`\` line
 * continuations, `RG=value`) and for PowerShell (backtick continuations, `$RG = "value"`); the
 * two quote and escape differently, so we pick one before reading words.
 */
export type Dialect = "bash" | "powershell";

const PS_ASSIGNMENT = /\$(?:env:)?[A-Za-z_][A-Za-z0-9_]*[ \t]*=(?!=)/y;
const BASH_ASSIGNMENT = /(?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_]*=/y;

const isBlank = (c: string | undefined) => c === " " || c === "\t" || c === "\u00a0";
const isLineEnd = (text: string, i: number) => text[i] === "\n" || (text[i] === "\r" && text[i + 1] === "\n");

/**
 * The first unambiguous sign decides: a PowerShell-style assignment or a line ending in a
 * backtick means PowerShell; a Bash-style assignment or a line ending in `\` means Bash.
 * Quoted text is skipped (with Bash quoting), so a description cannot tip the balance.
 */
export function detectDialect(text: string): Dialect {
  let i = 0;
  let atStatementStart = true;
  const n = text.length;
  while (i < n) {
    if (atStatementStart) {
      while (i < n && (isBlank(text[i]) || text[i] === "\r" || text[i] === "\n")) i++;
      PS_ASSIGNMENT.lastIndex = i;
      if (PS_ASSIGNMENT.test(text)) return "powershell";
      BASH_ASSIGNMENT.lastIndex = i;
      if (BASH_ASSIGNMENT.test(text)) return "bash";
      atStatementStart = false;
      continue;
    }
    const c = text[i]!;
    if (c === "\n" || c === ";") {
      atStatementStart = true;
      i++;
    } else if (c === "#" && (i === 0 || isBlank(text[i - 1]) || text[i - 1] === "\n")) {
      while (i < n && text[i] !== "\n") i++;
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      i = close < 0 ? n : close + 1;
    } else if (c === '"') {
      i++;
      while (i < n && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      i++;
    } else if (c === "\\") {
      if (isLineEnd(text, i + 1)) return "bash";
      i += 2;
    } else if (c === "`") {
      if (isLineEnd(text, i + 1)) return "powershell";
      i++;
    } else {
      i++;
    }
  }
  return "bash";
}
