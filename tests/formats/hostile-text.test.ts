/**
 * Hostile-input fixes that each reader must keep: a byte-order mark is ignored in every format,
 * a duplicate key is an error at both places (JSON as YAML already was), and nesting is bounded
 * before parsing, with the place.
 */
import { describe, expect, it } from "vitest";
import { parseDataTree } from "../../src/lib/formats/data-tree.ts";
import { parseLearnerRules } from "../../src/lib/grader/parse-learner-rules.ts";
import { exerciseFile, ftpRule, json } from "../grader/fixtures.ts";

const ftp = exerciseFile("ftp-active.yaml");
const BOM = "\uFEFF";

describe("a byte-order mark", () => {
  it("is ignored in JSON, YAML and az CLI rules", () => {
    expect(parseLearnerRules(`${BOM}${json([ftpRule()])}`, ftp, "json").ok).toBe(true);
    expect(parseLearnerRules(`${BOM}nsg-snet-ingest: []\n`, ftp, "yaml").ok).toBe(true);
    const cli = `${BOM}az network nsg rule create -g rg-nsg-lab --nsg-name nsg-snet-ingest -n r --priority 300 --destination-port-ranges 21`;
    expect(parseLearnerRules(cli, ftp, "azcli").ok).toBe(true);
  });
});

describe("duplicate keys", () => {
  it("are errors at both places in JSON, each naming the other", () => {
    const tree = parseDataTree('{"ingest-nsg": [], "ingest-nsg": []}', "json");
    expect(tree.ok).toBe(false);
    if (tree.ok) return;
    expect(tree.errors.map((e) => [e.code, e.span?.column])).toEqual([
      ["duplicate-key", 2],
      ["duplicate-key", 20],
    ]);
    expect(tree.errors[0]!.message).toContain("written again at 1:20");
    expect(tree.errors[1]!.message).toContain("already written at 1:2");
  });

  it("are errors at both places in YAML", () => {
    const tree = parseDataTree("ingest-nsg: []\nother: 1\ningest-nsg: []\n", "yaml");
    expect(tree.ok).toBe(false);
    if (tree.ok) return;
    expect(tree.errors.map((e) => [e.code, e.span?.line])).toEqual([
      ["duplicate-key", 1],
      ["duplicate-key", 3],
    ]);
  });
});

describe("deep nesting", () => {
  it("is refused before parsing, at the first bracket too deep", () => {
    for (const format of ["json", "yaml"] as const) {
      const tree = parseDataTree("[".repeat(2000) + "]".repeat(2000), format);
      expect(tree.ok).toBe(false);
      if (!tree.ok)
        expect(tree.errors[0]).toMatchObject({ code: "nesting-too-deep", span: { line: 1, column: 65 } });
    }
  });

  it("counts YAML's indentation and compact lists too", () => {
    const tree = parseDataTree("- ".repeat(2000) + "x", "yaml");
    expect(tree.ok).toBe(false);
    if (!tree.ok) expect(tree.errors[0]?.code).toBe("nesting-too-deep");
  });
});
