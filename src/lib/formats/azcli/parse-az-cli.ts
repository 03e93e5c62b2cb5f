import type { RuleDocumentResult } from "../rule-document.ts";
import type { LineIndex } from "../source-span.ts";
import { ArgParser, type Report } from "./arg-parser.ts";
import type { AzCommand } from "./command.ts";
import { resolveCommand } from "./command-table.ts";
import { notedCommand } from "./read-only-commands.ts";
import { detectDialect } from "./dialect.ts";
import { ScriptState, type AzCliOptions } from "./script-state.ts";
import { collector, readScript, scriptResult } from "./script-issues.ts";
import { runBuiltin, SHELL_BUILTINS, type ShellSession } from "./shell-builtins.ts";
import { ShellReader, type Word } from "./shell-words.ts";
import { resolveSubstitution } from "./substitution.ts";

/**
 * Reads an Azure CLI script (Bash or PowerShell flavour) and runs its NSG commands against the
 * exercise's NSGs, giving the final rules of every NSG the script touches, the associations it
 * makes, and a way from any rule field back to the text that wrote it. Every problem comes back
 * as an error with its place in the text; nothing is skipped silently and nothing throws.
 */
export const parseAzCli = (text: string, options: AzCliOptions): RuleDocumentResult =>
  readScript(text, (source, lines) => run(source, options, lines));

function run(text: string, options: AzCliOptions, lines: LineIndex): RuleDocumentResult {
  const { found, report } = collector();
  const state = new ScriptState(options);
  const dialect = detectDialect(text);
  const session: ShellSession = {};
  // `$(az … --query … -o tsv)` is answered from the state as it is when the statement is read.
  const reader = new ShellReader(text, dialect, {
    substitute: (words, at) => resolveSubstitution(words, at, state),
  });
  const runAll = (r: ShellReader) => {
    for (let statement = r.next(); statement; statement = r.next()) {
      if (!statement.broken)
        execute(statement.words, state, report, dialect === "bash" ? session : undefined);
    }
    for (const e of r.errors) found.push({ code: e.code, message: e.message, at: e, severity: "error" });
  };
  runAll(reader);
  // Bash runs an EXIT trap's handler when the script ends (also when `set -e` stops it early):
  // read and run it there, as the script's clean-up. A trap it sets itself never runs again.
  const trap = session.exitTrap;
  if (trap) state.asCleanup(trap.at, () => runAll(reader.handlerReader(trap.handler)));
  return scriptResult(found, lines, () => state.document(lines));
}

const PARSERS = new WeakMap<AzCommand, ArgParser>();

/** One statement: an az command, or (in Bash) one of the builtins shell-builtins.ts reads. */
function execute(words: Word[], state: ScriptState, report: Report, session: ShellSession | undefined): void {
  const first = words[0]!;
  if (session && SHELL_BUILTINS.has(first.text)) {
    runBuiltin(words, session, report);
    return;
  }
  if (first.text !== "az") {
    report(
      "not-an-az-command",
      `"${first.text}" is not an az command; NSG Lab runs az commands and NAME=value variables${session ? ", and the shell's echo, set and trap" : " only"}`,
      first,
    );
    return;
  }
  const resolved = resolveCommand(words);
  if ("error" in resolved) {
    const noted = notedCommand(words);
    if (noted)
      report(
        "az-command-noted",
        `"${noted.name}" ${noted.why}: it changes no NSG rule, so NSG Lab notes it and goes on`,
        noted.at,
        "warning",
      );
    else report(resolved.code, resolved.error, resolved.at);
    return;
  }
  const { command, argsFrom, nameSpan } = resolved;
  let failed = false;
  let parser = PARSERS.get(command);
  if (!parser) PARSERS.set(command, (parser = new ArgParser(command.args)));
  const args = parser.parse(words.slice(argsFrom), (code, message, at) => {
    failed = true;
    report(code, message, at);
  });
  if (failed) return;
  const help = args.get("help");
  if (help) {
    report(
      "unsupported-argument",
      "--help prints the command's help instead of running it; remove it",
      help.flag,
    );
    return;
  }
  const last = words[words.length - 1]!;
  command.run({ args, span: { start: first.start, end: last.end }, nameSpan, state, report });
}
