/**
 * Adversarial inputs for every reader of untrusted text, shared by the hostile-input test suite
 * (tests/hostile/) and `npm run bench`. Each input is a shape that once hung or crashed a reader
 * somewhere (repeated openers and comment markers, deep nesting, long runs of one character,
 * floods of erroneous lines, runaway variable expansion), filled out to 64 KB.
 */
import { readFileSync } from "node:fs";
import { assignmentQuery, readAssignment } from "../src/lib/assignments/assignment-link.ts";
import { decodeShareHash, toBase64Url } from "../src/lib/exercise-ui/share-link.ts";
import { DRAFT } from "../src/lib/store/records/draft.ts";
import { EXERCISE_RESULTS } from "../src/lib/store/records/exercise-results.ts";
import { LESSON_PROGRESS } from "../src/lib/store/records/lesson-progress.ts";
import { PLAYGROUND } from "../src/lib/store/records/playground.ts";
import { parseRecord } from "../src/lib/store/store.ts";
import { gradeForEditor } from "../src/lib/exercise-ui/grade-for-editor.ts";
import { parseSubmission } from "../src/lib/exercise-ui/submission-file.ts";
import { parseDataRules } from "../src/lib/formats/parse-data-rules.ts";
import { loadExercise, type Exercise } from "../src/lib/grader/index.ts";
import { parseLearnerRules } from "../src/lib/grader/parse-learner-rules.ts";
import { compilePlayground } from "../src/lib/playground/compile-playground.ts";
import { parseScenario } from "../src/lib/playground/parse-scenario.ts";
import { decodeShareState } from "../src/lib/playground/share-state.ts";

/** The size every input is filled out to: the suite's promise covers inputs up to 64 KB. */
export const INPUT_BYTES = 64 * 1024;

/** `unit` repeated to fill `bytes` (whole units only), then `tail`. */
const fill = (unit: string, tail = "", bytes = INPUT_BYTES): string =>
  unit.repeat(Math.max(1, Math.floor((bytes - tail.length) / unit.length))) + tail;

const half = (open: string, close: string): string =>
  fill(open, "", INPUT_BYTES / 2) + fill(close, "", INPUT_BYTES / 2);

const doubling = (lines: number): string =>
  ["X=a", ...Array.from({ length: lines }, () => "X=$X$X")].join("\n") + "\n";

export const ADVERSARIAL_INPUTS: Readonly<Record<string, string>> = {
  "repeated /**/ comments": fill("/**/", "x"),
  "unclosed /* openers": fill("/*"),
  "line comments": fill("//\n", "["),
  "hash comments": fill("#"),
  "deep [ ] nesting": half("[", "]"),
  "deep { nesting": fill("{"),
  'deep {"a": nesting': fill('{"a":'),
  "compact YAML lists": fill("- ", "x"),
  "YAML indentation staircase": Array.from({ length: 360 }, (_, i) => `${" ".repeat(i)}a:`).join("\n"),
  "YAML alias fan-out": [
    fill("# an alias bomb follows\n", "", INPUT_BYTES - 1024).trimEnd(),
    "a: &a [x, x, x, x, x, x, x, x, x, x]",
    ..."bcdefghij"
      .split("")
      .map((k, i) => `${k}: &${k} [${Array(10).fill(`*${"abcdefghij"[i]}`).join(", ")}]`),
  ].join("\n"),
  "run of spaces": fill(" "),
  "run of letters": fill("a"),
  "run of quotes": fill('"'),
  "run of backslashes": fill("\\"),
  "run of NUL": fill("\u0000"),
  "run of emoji": fill("🔥", "", INPUT_BYTES / 2),
  "CRLF blank lines": fill("\r\n"),
  "lines of errors": fill("foo\n"),
  "lines of bare az": fill("az\n"),
  "lines of broken JSON": fill('{"a": }\n'),
  "ARM securityRules resources of the editable NSG": `[${fill(
    '{"type": "Microsoft.Network/networkSecurityGroups/securityRules", "name": "ingest-nsg/r"},\n',
    "{}]",
  )}`,
  "az rule output, each NSG in its id": `[${fill(
    '{"id": "/s/networkSecurityGroups/x/securityRules/y", "description": null, "priority": 1},\n',
    "{}]",
  )}`,
  "duplicate keys": `{${fill('"a": 1, ', '"a": 1}')}`,
  "ARM template of doubling variables and deep expressions": JSON.stringify({
    variables: Object.fromEntries(
      Array.from({ length: 40 }, (_, i): [string, string] => [
        `v${i + 1}`,
        `[concat(variables('v${i}'), variables('v${i}'))]`,
      ]).concat([["v0", "ab"]]),
    ),
    resources: Array.from({ length: 9 }, () => ({
      name: "[variables('v40')]",
      deep: `[${"concat(".repeat(400)}'x'${")".repeat(400)}]`,
      wide: `[concat(${Array(600).fill("'ab'").join(", ")})]`,
    })),
  }),
  // ARM copy loops: loops inside loops inside a copied resource, counts past Azure's 800, and
  // a long expression copied 800 times (Learn: "Resource iteration", "Property iteration").
  "ARM copy loops inside copy loops": JSON.stringify({
    $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    parameters: { n: { type: "int", defaultValue: 800 } },
    resources: Array.from({ length: 120 }, (_, i) => ({
      type: "Microsoft.Network/networkSecurityGroups",
      name: `[format('nsg-{0}-{1}', ${i}, copyIndex())]`,
      copy: { name: "nsgs", count: i % 7 === 0 ? 1_000_000_000 : "[parameters('n')]" },
      properties: {
        copy: [
          {
            name: "securityRules",
            count: "[parameters('n')]",
            input: {
              name: "[format('r{0}', copyIndex('securityRules'))]",
              properties: {
                copy: [{ name: "inner", count: 800, input: { a: "[copyIndex('inner', copyIndex())]" } }],
              },
            },
          },
        ],
      },
    })),
  }),
  "ARM copy loop of a long expression": JSON.stringify({
    $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    resources: [
      {
        type: "Microsoft.Network/networkSecurityGroups",
        name: "nsg-snet-ingest",
        properties: {
          copy: [
            {
              name: "securityRules",
              count: 800,
              input: {
                name: `[concat(${Array(6000).fill("'ab'").join(", ")}, string(copyIndex('securityRules')))]`,
              },
            },
          ],
        },
      },
    ],
  }),
  "variable doubling, then unquoted use": fill(
    "az network nsg rule create -g rg --nsg-name nsg-snet-ingest -n r --priority 100 --description $X$X$X$X\n",
    "",
    INPUT_BYTES - 200,
  ).replace(/^/, doubling(16)),
  "unclosed command substitutions": fill("$("),
  "az substitutions on every line": fill('X=$(az vm list -g rg --query "[].id" -o tsv)\n'),
  "nested and non-az substitutions": fill(
    '$(az vm list $(az vm list)) "$(echo $(date))" $(az network nsg show)\n',
  ),
  // A network built command by command: VMs until the subnet and the public ranges run out,
  // each followed by a list of every VM so far (the substitutions grow with the network).
  "VMs by the hundred, each listed": Array.from(
    { length: 900 },
    (_, i) =>
      `az vm create -g rg -n vm${i} --image Ubuntu2204 --nsg ''\nI=$(az vm list --query "[].id" -o tsv)\n`,
  )
    .join("")
    .slice(0, INPUT_BYTES),
  "PowerShell backtick continuations": fill("`\n"),
  "unclosed quotes per line": fill("az network nsg rule create --name 'x\n"),
  "byte-order mark, then JSON": `\uFEFF${fill("[", "", INPUT_BYTES / 2)}`,
  // Azure PowerShell: openers never closed, runaway arrays and pipelines, floods of bad parameters.
  "unclosed @( openers": fill("@("),
  "unclosed <# block comments": fill("<#"),
  'unclosed "${ in strings': fill('"${'),
  'unclosed "$( in strings': fill('"$('),
  "one long comma array": `$a = ${fill("1,", "1")}`,
  "pipelines continued by a trailing |": fill("$nsg |\n"),
  "cmdlets with ambiguous parameters": fill("New-AzNetworkSecurityRuleConfig -Name r -Dest 1 -Source 2\n"),
  "unsaved in-memory changes": `$n = Get-AzNetworkSecurityGroup -Name nsg-snet-ingest -ResourceGroupName g\n${fill(
    "Remove-AzNetworkSecurityRuleConfig -Name x -NetworkSecurityGroup $n\n",
  )}`,
  // Hashtables, script blocks, properties and values that grow statement by statement.
  "unclosed @{ hashtables": fill("@{a="),
  "hashtable keys without values": `$h = @{${fill("a=;")}}`,
  "nested ( in indexes": `$a = 1\n${half("$a[(", ")]")}`,
  "property assignments on $null": fill("$a.b.c.d = $a\n"),
  "a list doubled every line": fill("$x += $x\n", "").replace(/^/, "$x = 1,2\n"),
  "a list of itself every line": fill("$x = @($x; $x)\n").replace(/^/, "$x = 1\n"),
  "a string doubled every line": fill('$s = "$s$s"\n').replace(/^/, '$s = "ab"\n'),
  "Where-Object blocks nested in blocks": fill("1,2 | ? { 1,2 | ? { 1,2 | % { $_ -match '(a|aa)*c' } } }\n"),
  "backtracking -match patterns": fill("$r = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' -match '^(a+)+$'\n"),
  "splatted cmdlets": fill("New-AzNetworkSecurityRuleConfig @p -Name x\n").replace(
    /^/,
    "$p = @{ Priority = 100 }\n",
  ),
  "network built line by line": fill(
    "$n = New-AzNetworkInterface -Name n -ResourceGroupName g -Location l -SubnetId $v.Subnets[0].Id\n",
  ).replace(
    /^/,
    "$v = New-AzVirtualNetwork -Name v -ResourceGroupName g -Location l -AddressPrefix 10.0.0.0/16 -Subnet (New-AzVirtualNetworkSubnetConfig -Name s -AddressPrefix 10.0.1.0/24)\n",
  ),
  "VMs with every default": fill("New-AzVM -Name vm -OpenPorts 80,443\n"),
};

const exerciseText = readFileSync(new URL("../graders/ftp-active.yaml", import.meta.url), "utf8");
const exercise = ((): Exercise => {
  const loaded = loadExercise(exerciseText);
  if (!loaded.ok) throw new Error("graders/ftp-active.yaml does not load");
  return loaded.value;
})();

/** What a reader answered, reduced to what the suite judges. */
export interface Answer {
  ok: boolean;
  /** Every error's text. */
  messages: string[];
  /** True when every error says where it is (line and column); for readers of text only. */
  located: boolean;
}

interface IssueLike {
  message?: unknown;
  span?: unknown;
}

/** Reads any of the project's result shapes. */
function answer(result: unknown): Answer {
  const r = result as { ok?: unknown; errors?: unknown; message?: unknown };
  if (r.ok === true || r.ok === "absent") return { ok: true, messages: [], located: true };
  const errors: unknown[] = Array.isArray(r.errors) ? r.errors : [r.message];
  const messages = errors.map((e) => {
    const message = typeof e === "string" ? e : (e as IssueLike | undefined)?.message;
    return typeof message === "string" ? message : "";
  });
  const located = errors.every(
    (e) => typeof e === "object" && e !== null && (e as IssueLike).span !== undefined,
  );
  return { ok: false, messages, located };
}

/** An editor grade: its report's errors, located through the markers the learner sees. */
function editorAnswer(text: string, format: "json" | "azcli"): Answer {
  const grade = gradeForEditor(exercise, text, format);
  if (grade.report.status !== "invalid") return { ok: true, messages: [], located: true };
  return {
    ok: false,
    messages: grade.errors.map((m) => m.message),
    located: grade.errors.length > 0 && grade.errors.every((m) => m.located),
  };
}

export interface Reader {
  /** Whether the reader reads text a learner wrote (its errors must carry line and column). */
  text: boolean;
  read: (input: string) => Answer | Promise<Answer>;
}

const known = new Set(["ftp-active"]);

export const READERS: Readonly<Record<string, Reader>> = {
  "JSON rules": {
    text: true,
    read: (t) => answer(parseDataRules(t, "json", { editable: exercise.editable })),
  },
  "YAML rules": {
    text: true,
    read: (t) => answer(parseDataRules(t, "yaml", { editable: exercise.editable })),
  },
  "az CLI rules": { text: true, read: (t) => answer(parseLearnerRules(t, exercise, "azcli")) },
  "PowerShell rules": { text: true, read: (t) => answer(parseLearnerRules(t, exercise, "powershell")) },
  "rules, format detected": { text: true, read: (t) => answer(parseLearnerRules(t, exercise)) },
  "editor grade (JSON)": { text: true, read: (t) => editorAnswer(t, "json") },
  "editor grade (az CLI)": { text: true, read: (t) => editorAnswer(t, "azcli") },
  "exercise file": { text: true, read: (t) => answer(loadExercise(t)) },
  "playground scenario": { text: true, read: (t) => answer(parseScenario(t)) },
  "playground az CLI changes": {
    text: true,
    read: (t) => {
      const { cliErrors } = compilePlayground(exerciseText, t);
      return answer({ ok: cliErrors.length === 0, errors: cliErrors });
    },
  },
  "exercise share link": { text: false, read: (t) => answer(decodeShareHash(`#rules=${t}`)) },
  "exercise share link (encoded)": {
    text: false,
    read: (t) => answer(decodeShareHash(`#rules=v1.json.${toBase64Url(t).slice(0, 7900)}`)),
  },
  "playground share link": {
    text: false,
    read: async (t) => answer(await decodeShareState(`#playground=${t}`)),
  },
  "assignment link": { text: false, read: (t) => answer(readAssignment(`?${t}`, known)) },
  "assignment link (fields)": {
    text: false,
    read: (t) =>
      answer(
        readAssignment(
          `?${assignmentQuery({ title: t, exercises: ["ftp-active"] })}&e=${encodeURIComponent(t)}`,
          known,
        ),
      ),
  },
  "submission file": { text: false, read: (t) => answer(parseSubmission(t)) },
  "saved draft": { text: false, read: (t) => answer(parseRecord(DRAFT, t)) },
  "saved playground": { text: false, read: (t) => answer(parseRecord(PLAYGROUND, t)) },
  "saved progress": { text: false, read: (t) => answer(parseRecord(LESSON_PROGRESS, t)) },
  "saved exercise results": { text: false, read: (t) => answer(parseRecord(EXERCISE_RESULTS, t)) },
};

export interface Trial {
  reader: string;
  input: string;
  /** The fastest of `runs` runs, in ms of CPU time: noise only ever adds time. */
  ms: number;
  answer?: Answer;
  thrown?: string;
}

/**
 * Milliseconds of CPU this process spent: unlike the wall clock, it does not count the time other
 * processes (a parallel test file, a build) hold the machine's two cores.
 */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Runs one reader on one input `runs` times. */
export async function trial(readerName: string, inputName: string, runs = 3): Promise<Trial> {
  const reader = READERS[readerName]!;
  const input = ADVERSARIAL_INPUTS[inputName]!;
  let best = Infinity;
  let result: Answer | undefined;
  for (let i = 0; i < runs; i++) {
    const start = cpuMs();
    try {
      result = await reader.read(input);
    } catch (error) {
      return { reader: readerName, input: inputName, ms: cpuMs() - start, thrown: String(error) };
    }
    best = Math.min(best, cpuMs() - start);
  }
  return { reader: readerName, input: inputName, ms: best, ...(result ? { answer: result } : {}) };
}
