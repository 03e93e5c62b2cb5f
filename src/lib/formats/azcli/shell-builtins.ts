import type { Offsets, Report } from "./arg-parser.ts";
import type { Word } from "./shell-words.ts";

/**
 * The Bash builtins a script around az commands uses, read as Bash runs them (Bash manual,
 * "Bourne Shell Builtins" and "The Set Builtin"):
 *
 * - `echo …` only prints (a note, as for az's reads);
 * - `set -euo pipefail` and the other options below change how Bash runs the commands, not what
 *   they ask of Azure, so they are read and checked, and nothing more;
 * - `trap HANDLER EXIT` keeps HANDLER, a command line, to run when the script ends, also when a
 *   command fails under `set -e`: the reader runs it after the last statement as the script's
 *   clean-up. `trap - EXIT` (or `''`) removes it. Other signals never arrive while a script is read.
 *
 * Anything else a builtin could do (`set` with no options prints every variable, `trap -p`) is
 * refused where it is written.
 */

export interface ExitTrap {
  handler: Word;
  /** The `trap` statement: from there on, a failure still runs the handler. */
  at: Offsets;
}

export interface ShellSession {
  exitTrap?: ExitTrap;
}

export const SHELL_BUILTINS = new Set(["echo", "set", "trap"]);

/** Single-letter options of `set` that only change how Bash runs (-e errexit, -u nounset, -x xtrace, -v verbose). */
const SET_LETTERS = new Set(["e", "u", "x", "v"]);
/** Long names `set -o` takes with the same effect, and pipefail. */
const SET_NAMES = new Set(["errexit", "nounset", "xtrace", "verbose", "pipefail"]);
const EXIT_SIGNALS = new Set(["EXIT", "0", "SIGEXIT"]);

/** Runs a builtin statement (its first word in SHELL_BUILTINS). */
export function runBuiltin(words: readonly Word[], session: ShellSession, report: Report): void {
  const [first, ...args] = words as [Word, ...Word[]];
  const span = { start: first.start, end: (words.at(-1) ?? first).end };
  if (first.text === "echo") {
    report(
      "shell-command-noted",
      '"echo" only prints: it changes nothing in Azure, so NSG Lab notes it and goes on',
      first,
      "warning",
    );
    return;
  }
  if (first.text === "set") return readSet(first, args, report);
  readTrap(first, args, span, session, report);
}

function readSet(first: Word, args: readonly Word[], report: Report): void {
  if (args.length === 0) {
    report(
      "unsupported-shell-syntax",
      '"set" with no options prints every variable; NSG Lab reads set with options such as -euo pipefail',
      first,
    );
    return;
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const letters = /^[-+]([a-z]+)$/.exec(arg.text)?.[1];
    if (!letters) {
      report(
        "unsupported-shell-syntax",
        `set ${arg.text}: NSG Lab reads the options -e, -u, -x, -v and -o NAME`,
        arg,
      );
      return;
    }
    for (const letter of letters) {
      if (letter === "o") {
        const name = args[++i];
        if (!name || !SET_NAMES.has(name.text)) {
          report(
            "unsupported-shell-syntax",
            `set -o ${name?.text ?? ""}: NSG Lab reads -o ${[...SET_NAMES].join(", ")}`,
            name ?? arg,
          );
          return;
        }
      } else if (!SET_LETTERS.has(letter)) {
        report(
          "unsupported-shell-syntax",
          `set -${letter}: NSG Lab reads the options -e, -u, -x, -v and -o NAME`,
          arg,
        );
        return;
      }
    }
  }
}

function readTrap(
  first: Word,
  args: readonly Word[],
  span: Offsets,
  session: ShellSession,
  report: Report,
): void {
  const [handler, ...signals] = args;
  if (!handler || (handler.text.startsWith("-") && handler.text !== "-") || signals.length === 0) {
    report(
      "unsupported-shell-syntax",
      "NSG Lab reads trap HANDLER EXIT: a command line to run when the script ends",
      handler ?? first,
    );
    return;
  }
  const other = signals.find((s) => !EXIT_SIGNALS.has(s.text.toUpperCase()));
  if (other) {
    report(
      "unsupported-shell-syntax",
      `trap … ${other.text}: NSG Lab runs EXIT traps only; no signal arrives while it reads the script`,
      other,
    );
    return;
  }
  if (handler.text === "-" || handler.text === "") delete session.exitTrap;
  else session.exitTrap = { handler, at: span };
}
