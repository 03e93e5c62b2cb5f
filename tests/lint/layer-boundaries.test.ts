/**
 * The layer rules of CONTRIBUTING.md are lint rules (lint/layer-boundaries.js): these tests lint
 * deliberately wrong imports, as if typed into real files, and expect the project's own ESLint
 * config to refuse each one.
 */
import { ESLint, type Linter } from "eslint";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: new URL("../..", import.meta.url).pathname });
});

/** Lints `code` as the content of `file` and returns the rule ids it breaks. */
async function rulesBroken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m: Linter.LintMessage) => m.ruleId ?? `fatal: ${m.message}`);
}

const LAYER = "import-x/no-restricted-paths";

describe("layer boundaries", { timeout: 120_000 }, () => {
  it("refuses the evaluator importing a parser", async () => {
    const broken = await rulesBroken(
      "src/lib/nsg/ports.ts",
      'import { parseDataRules } from "../formats/parse-data-rules.ts";\nexport const x = parseDataRules;\n',
    );
    expect(broken).toContain(LAYER);
  });

  it("refuses the evaluator importing the grader", async () => {
    const broken = await rulesBroken(
      "src/lib/nsg/ports.ts",
      'import { gradeTopology } from "../grader/index.ts";\nexport const x = gradeTopology;\n',
    );
    expect(broken).toContain(LAYER);
  });

  it("refuses the evaluator importing the comparison, and a parser importing it too", async () => {
    const code =
      'import { compareNetworks } from "../compare/compare-networks.ts";\nexport const x = compareNetworks;\n';
    expect(await rulesBroken("src/lib/nsg/ports.ts", code)).toContain(LAYER);
    expect(await rulesBroken("src/lib/formats/sniff.ts", code)).toContain(LAYER);
  });

  it("refuses the flow log generator importing the grader or a sibling layer", async () => {
    const grader = 'import { gradeTopology } from "../grader/index.ts";\nexport const x = gradeTopology;\n';
    const sibling = 'import { lintNsg } from "../analysis/lint-rules.ts";\nexport const x = lintNsg;\n';
    expect(await rulesBroken("src/lib/network-watcher/vnet-flow-log.ts", grader)).toContain(LAYER);
    expect(await rulesBroken("src/lib/network-watcher/vnet-flow-log.ts", sibling)).toContain(LAYER);
  });

  it("refuses the evaluator touching the DOM", async () => {
    const broken = await rulesBroken("src/lib/nsg/ports.ts", "export const title = () => document.title;\n");
    expect(broken).toContain("no-restricted-globals");
  });

  it("refuses the evaluator importing Astro", async () => {
    const broken = await rulesBroken(
      "src/lib/nsg/ports.ts",
      'import { getCollection } from "astro:content";\nexport const x = getCollection;\n',
    );
    expect(broken).toContain("no-restricted-imports");
  });

  it("refuses src/lib importing a view", async () => {
    const broken = await rulesBroken(
      "src/lib/grader/grade.ts",
      'import { el } from "../../components/shared/dom.ts";\nexport const x = el;\n',
    );
    expect(broken).toContain(LAYER);
  });

  it("keeps the rule form above the grader and below the views", async () => {
    const fromGrader = await rulesBroken(
      "src/lib/grader/grade.ts",
      'import { SERVICE_PRESETS } from "../rule-form/service-presets.ts";\nexport const x = SERVICE_PRESETS;\n',
    );
    expect(fromGrader).toContain(LAYER);
    const intoView = await rulesBroken(
      "src/lib/rule-form/service-presets.ts",
      'import { el } from "../../components/shared/dom.ts";\nexport const x = el;\n',
    );
    expect(intoView).toContain(LAYER);
  });

  it("refuses src/lib importing the CLI", async () => {
    const broken = await rulesBroken(
      "src/lib/formats/data-tree.ts",
      'import { nodeIo } from "../../cli/io.ts";\nexport const x = nodeIo;\n',
    );
    expect(broken).toContain(LAYER);
  });

  it("refuses an import cycle", async () => {
    // evaluator.ts reaches ports.ts through its imports, so ports.ts importing it closes a cycle.
    const broken = await rulesBroken(
      "src/lib/nsg/ports.ts",
      'import { createEvaluator } from "./evaluator.ts";\nexport const x = createEvaluator;\n',
    );
    expect(broken).toContain("import-x/no-cycle");
  });

  it("accepts the files as they are", async () => {
    for (const file of ["src/lib/nsg/ports.ts", "src/lib/grader/grade.ts", "src/cli/grade-command.ts"]) {
      expect(await rulesBroken(file, readFileSync(file, "utf8"))).toEqual([]);
    }
  });
});
