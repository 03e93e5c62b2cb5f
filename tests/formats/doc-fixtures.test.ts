/**
 * Microsoft's documentation as published (tests/formats/fixtures/docs/, each source in
 * SOURCES.md): quickstart templates, Learn tutorials and quickstarts in az CLI and PowerShell,
 * the az and Az.Network reference examples, and what az prints. Each is graded through the
 * readers the editor and `npm run grade` use (parseLearnerRules, then the grader) against a
 * scenario that matches the page, and the verdicts and deciding rules derived by hand from the
 * text (manifest.json) are checked. Whole tutorials that build VNets and VMs are pasted into the
 * playground on an empty scenario and the network they build is judged; texts a reader cannot run
 * yet are checked for what holds today: located issues, and notes for read-only commands.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateTemplate } from "../../src/lib/formats/arm-template.ts";
import type { RuleFormat } from "../../src/lib/formats/rule-document.ts";
import { applyCliChanges } from "../../src/lib/playground/apply-cli-changes.ts";
import {
  gradeSubmission,
  gradeTopology,
  parseLearnerRules,
  validateExercise,
  type Exercise,
} from "../../src/lib/grader/index.ts";
import type { Issue } from "../../src/lib/result.ts";

interface ExpectedIssue {
  code: string;
  line: number;
  severity?: "warning";
}
interface Verdict {
  name: string;
  flow: Record<string, unknown>;
  expect: "allow" | "deny";
  decider: string;
}
interface Edit {
  find: string;
  flags?: string;
  replace: string;
}
interface Today {
  /**
   * graded: as an exercise on the page's scenario; builds-network: pasted into the playground on
   * an empty scenario, the network it builds judged; refused: located issues, then `check`;
   * awaits-network-building: what the reader says today.
   */
  status: "graded" | "builds-network" | "refused" | "awaits-network-building";
  issues: ExpectedIssue[];
  /** How the verdicts of a refused text are checked: edits reproducing what Azure does, or a parameters file. */
  check?: { why: string; edits?: Edit[]; parameters?: string };
  afterNetworkBuilding?: { why: string; edits: Edit[] };
}
interface Fixture {
  file: string;
  format: RuleFormat;
  source: string;
  repo?: string;
  path?: string;
  parameters?: string;
  scenario: string;
  today: Today;
  verdicts: Verdict[];
  meant?: { why: string; edits: Edit[]; today: Today; verdicts: Verdict[] };
}
interface Scenario {
  about: string;
  topology: unknown;
  editable: string[];
}

const DOCS = new URL("./fixtures/docs/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DOCS), "utf8");
const manifest = JSON.parse(read("manifest.json")) as {
  scenarios: Record<string, Scenario>;
  fixtures: Fixture[];
};
const SOURCES = read("SOURCES.md");

/** The page's scenario as an exercise whose expectations are the hand-derived verdicts. */
function exerciseFor(fixture: Fixture, verdicts: Verdict[]): Exercise {
  const scenario = manifest.scenarios[fixture.scenario];
  if (!scenario) throw new Error(`${fixture.file}: no scenario "${fixture.scenario}"`);
  // Only parsing needs the exercise when there are no verdicts; the schema still wants one.
  const listed = verdicts.length > 0 ? verdicts : (fixture.meant?.verdicts ?? fixture.verdicts);
  const loaded = validateExercise({
    id: "doc-fixture",
    title: fixture.file,
    kind: "author-rules",
    topology: scenario.topology,
    editable: scenario.editable,
    expectations: listed.map(({ name, flow, expect }) => ({ name, flow, expect })),
  });
  if (!loaded.ok) throw new Error(`${fixture.scenario}: ${JSON.stringify(loaded.errors)}`);
  return loaded.value;
}

const edited = (text: string, edits: Edit[] = []) =>
  edits.reduce((t, e) => {
    const next = t.replace(new RegExp(e.find, e.flags ?? ""), e.replace);
    // An edit that matches nothing would check the text as published under another name.
    expect(next, `edit ${e.find}`).not.toBe(t);
    return next;
  }, text);

const located = (issues: readonly Issue[]): ExpectedIssue[] =>
  issues.map((i) => ({
    code: i.code,
    line: i.span?.line ?? 0,
    ...(i.severity === "warning" ? { severity: "warning" as const } : {}),
  }));

const NOTES = new Set(["az-command-noted", "cmdlet-noted"]);

/** Grades `text` and checks each verdict and the rule the trace names as deciding it. */
function expectVerdicts(fixture: Fixture, text: string, verdicts: Verdict[], format = fixture.format) {
  const report = gradeSubmission(exerciseFor(fixture, verdicts), text, format);
  expect(report.errors, "errors").toEqual([]);
  expect(report.status).toBe("graded");
  expect(report.results.map((r) => [r.name, r.actual, r.decider])).toEqual(
    verdicts.map((v) => [v.name, v.expect, v.decider]),
  );
  return report;
}

/** The whole page run in the playground on an empty scenario: the network it builds, judged. */
function expectBuiltNetwork(fixture: Fixture, text: string, today: Today, verdicts: Verdict[]) {
  const empty = { vnets: [], vms: [], asgs: [], nsgs: [], serviceTags: {} };
  const built = applyCliChanges(empty, "pay-as-you-go", text);
  if (!built.ok) expect(located(built.errors), "the script builds its network").toEqual([]);
  if (!built.ok) return;
  expect(located(built.value.warnings)).toEqual(today.issues);
  // The checks only: the built topology is already validated (and normalized) by the playground.
  const loaded = validateExercise({
    id: "doc-fixture",
    title: fixture.file,
    kind: "predict",
    topology: {},
    expectations: verdicts.map(({ name, flow, expect }) => ({ name, flow, expect })),
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const report = gradeTopology({ ...loaded.value, topology: built.value.topology }, built.value.topology);
  expect(report.results.map((r) => [r.name, r.actual, r.decider])).toEqual(
    verdicts.map((v) => [v.name, v.expect, v.decider]),
  );
}

function checkToday(fixture: Fixture, text: string, today: Today, verdicts: Verdict[]) {
  if (today.status === "builds-network") {
    expectBuiltNetwork(fixture, text, today, verdicts);
    return;
  }
  const exercise = exerciseFor(fixture, verdicts);
  if (today.status === "graded") {
    const report = expectVerdicts(fixture, text, verdicts);
    expect(located(report.warnings)).toEqual(today.issues);
    return;
  }
  const doc = parseLearnerRules(text, exercise, fixture.format);
  expect(doc.ok).toBe(false);
  if (doc.ok) return;
  // Every problem says where it is, and commands that only read are notes, never errors.
  expect(doc.errors.filter((e) => e.span === undefined)).toEqual([]);
  expect(doc.errors.filter((e) => NOTES.has(e.code) && e.severity !== "warning")).toEqual([]);
  if (today.status === "refused") {
    expect(located(doc.errors)).toEqual(today.issues);
    if (today.check?.edits) expectVerdicts(fixture, edited(text, today.check.edits), verdicts);
    if (today.check?.parameters) {
      const parameters = (JSON.parse(read(today.check.parameters)) as { parameters: Record<string, unknown> })
        .parameters;
      const deployed = evaluateTemplate(JSON.parse(text), { parameters });
      expect(deployed.problems).toEqual([]);
      expectVerdicts(fixture, JSON.stringify(deployed.value, null, 2), verdicts);
    }
  } else {
    // Scripts that build networks: what the reader says today, until it builds them.
    expect(located(doc.errors)).toEqual(expect.arrayContaining(today.issues));
    if (today.afterNetworkBuilding) expect(edited(text, today.afterNetworkBuilding.edits)).not.toBe(text);
  }
}

describe("Microsoft's documentation, graded as published", () => {
  it("every fixture is in the manifest and in SOURCES.md, with its source", () => {
    const files = readdirSync(DOCS).filter((f) => f !== "manifest.json" && f !== "SOURCES.md");
    const listed = manifest.fixtures.flatMap((f) => [f.file, ...(f.parameters ? [f.parameters] : [])]);
    expect([...files].sort()).toEqual([...listed].sort());
    for (const f of manifest.fixtures) {
      expect(SOURCES, f.file).toContain(`\`${f.file}\``);
      expect(SOURCES, f.file).toContain(f.source.split(" ")[0]!);
      expect(f.verdicts.length + (f.meant?.verdicts.length ?? 0), f.file).toBeGreaterThan(0);
    }
  });

  for (const fixture of manifest.fixtures) {
    describe(fixture.file, () => {
      const text = read(fixture.file);
      it(`as published: ${fixture.today.status}${fixture.today.check ? `; ${fixture.today.check.why}` : ""}`, () =>
        checkToday(fixture, text, fixture.today, fixture.verdicts));
      const meant = fixture.meant;
      if (meant)
        it(`as meant (${meant.why}): ${meant.today.status}`, () =>
          checkToday(fixture, edited(text, meant.edits), meant.today, meant.verdicts));
    });
  }
});
