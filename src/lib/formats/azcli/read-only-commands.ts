import type { Offsets } from "./arg-parser.ts";
import type { Word } from "./shell-words.ts";

/**
 * Commands a pasted tutorial runs that change no NSG rule: reads (`list`, `show`, Network
 * Watcher's checks). They are noted, not refused, so a tutorial pasted as written runs to its end.
 * (`az group create|delete` and `az network watcher test-ip-flow` are noted too, by commands of
 * their own that check their arguments: resource-group-commands.ts, ip-flow-command.ts.)
 */

/** Last command words that only read. */
const READ_VERBS = new Set(["list", "show", "list-effective-nsg", "show-effective-route-table", "wait"]);
/** Whole commands that only read or check, or change nothing NSG Lab models. */
const NOTED: ReadonlyMap<string, string> = new Map([
  ["network watcher show-next-hop", "reads the route a packet takes; routing is not part of NSG Lab"],
  [
    "network watcher run-configuration-diagnostic",
    "asks Azure for NSG diagnostics; the playground's tracer shows the same decision",
  ],
]);

export interface NotedCommand {
  name: string;
  why: string;
  at: Offsets;
}

/** The command the words name (`az` first), when it is one to note rather than run. */
export function notedCommand(words: readonly Word[]): NotedCommand | undefined {
  let end = 1;
  while (end < words.length && !words[end]!.text.startsWith("-")) end++;
  if (end < 2) return undefined;
  const path = words
    .slice(1, end)
    .map((w) => w.text)
    .join(" ");
  const at = { start: words[0]!.start, end: words[end - 1]!.end };
  const why = NOTED.get(path);
  if (why) return { name: `az ${path}`, why, at };
  if (READ_VERBS.has(words[end - 1]!.text)) return { name: `az ${path}`, why: "only reads", at };
  return undefined;
}
