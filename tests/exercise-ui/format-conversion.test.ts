import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS } from "../../src/lib/formats/export/index.ts";
import { detectRuleFormat, gradeSubmission } from "../../src/lib/grader/index.ts";
import {
  convertRules,
  exportLearnerRules,
  readRuleSets,
  resourceGroupIn,
  ruleSetsToJson,
} from "../../src/lib/exercise-ui/format-conversion.ts";
import { allExercises, exercise } from "./support.ts";

const verdicts = (report: ReturnType<typeof gradeSubmission>) =>
  report.results.map((r) => [r.name, r.actual, r.decider]);

describe("format conversion", () => {
  const ftp = exercise("ftp-active");

  it("turns the FTP solution (az CLI) into JSON and back without changing a verdict", () => {
    const json = convertRules(ftp, ftp.solution!, "azcli", "json");
    expect(json.ok).toBe(true);
    if (!json.ok) return;
    const parsed = JSON.parse(json.value.text) as { "nsg-snet-ingest": Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(["nsg-snet-ingest"]);
    expect(parsed["nsg-snet-ingest"][0]).toMatchObject({
      name: "Allow-FTP-Control-Studio",
      priority: 200,
      direction: "Inbound",
      access: "Allow",
      protocol: "Tcp",
    });
    const cli = convertRules(ftp, json.value.text, "json", "azcli");
    expect(cli.ok).toBe(true);
    if (!cli.ok) return;
    expect(cli.value.text).toContain("az network nsg rule create");
    // The resource group the starter names is kept.
    expect(cli.value.text).toContain("--resource-group rg-nsg-lab");
    expect(verdicts(gradeSubmission(ftp, cli.value.text, "azcli"))).toEqual(
      verdicts(gradeSubmission(ftp, ftp.solution!)),
    );
    const back = convertRules(ftp, cli.value.text, "azcli", "json");
    expect(back.ok && JSON.parse(back.value.text)).toEqual(parsed);
  });

  it("keeps every author-rules solution's verdicts through JSON → az CLI → JSON", () => {
    const exercises = allExercises().filter((e) => e.kind === "author-rules" && e.solution !== undefined);
    expect(exercises.length).toBeGreaterThan(3);
    for (const ex of exercises) {
      const expected = verdicts(gradeSubmission(ex, ex.solution!));
      const from = detectRuleFormat(ex.solution!);
      if (from === "yaml") continue; // the editor offers JSON and az CLI only
      const toJson =
        from === "azcli"
          ? convertRules(ex, ex.solution!, "azcli", "json")
          : { ok: true as const, value: { text: ex.solution!, notes: [] } };
      if (!toJson.ok) {
        // Scripts that associate NSGs or create new ones cannot be JSON: refused with a reason.
        expect(toJson.errors[0]?.message, ex.id).toMatch(/Cannot switch to JSON/);
        continue;
      }
      expect(verdicts(gradeSubmission(ex, toJson.value.text, "json")), `${ex.id} as JSON`).toEqual(expected);
      const cli = convertRules(ex, toJson.value.text, "json", "azcli");
      expect(cli.ok, `${ex.id} to az CLI`).toBe(true);
      if (!cli.ok) continue;
      expect(verdicts(gradeSubmission(ex, cli.value.text, "azcli")), `${ex.id} as az CLI`).toEqual(expected);
    }
  });

  it("deletes starting rules that the JSON leaves out, so both formats mean the same", () => {
    const shadowed = exercise("fix-shadowed-allow");
    const nsg = shadowed.editable[0]!;
    const onlyOne = JSON.stringify({
      [nsg]: [
        {
          name: "Allow-SSH-Office",
          priority: 310,
          direction: "Inbound",
          access: "Allow",
          protocol: "Tcp",
          sourceAddressPrefix: "198.51.100.0/24",
          sourcePortRange: "*",
          destinationAddressPrefix: "*",
          destinationPortRange: "22",
        },
      ],
    });
    const cli = convertRules(shadowed, onlyOne, "json", "azcli");
    expect(cli.ok).toBe(true);
    if (!cli.ok) return;
    expect(cli.value.text).toMatch(/az network nsg rule delete .*--name Deny-Internet-Inbound/);
    expect(cli.value.text).not.toMatch(/rule delete .*--name Allow-SSH-Office/);
    expect(verdicts(gradeSubmission(shadowed, cli.value.text, "azcli"))).toEqual(
      verdicts(gradeSubmission(shadowed, onlyOne, "json")),
    );
  });

  it("refuses to convert text with errors, and says how many", () => {
    const result = convertRules(ftp, '{ "nsg-snet-ingest": [ { "name": } ] }', "json", "azcli");
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.errors[0]).toMatchObject({
      code: "rules-have-errors",
      message: expect.stringMatching(
        /^Cannot switch to az CLI: fix the \d+ errors? in your JSON first\. Your text is unchanged\.$/,
      ) as unknown,
    });
    // The summary comes first; the located errors follow it.
    if (!result.ok) expect(result.errors[1]?.span?.line).toBe(1);
    const invalidRule = convertRules(
      ftp,
      '{ "nsg-snet-ingest": [ { "name": "x", "priority": 5, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "21" } ] }',
      "json",
      "azcli",
    );
    expect(invalidRule).toMatchObject({ ok: false });
    expect(!invalidRule.ok && invalidRule.errors[0]).toMatchObject({
      message: expect.stringContaining("in your rules first") as unknown,
    });
  });

  it("refuses az CLI that JSON cannot express", () => {
    const subnet = exercise("protect-the-whole-subnet");
    const script = `az network nsg create --resource-group rg --name new-nsg\naz network nsg rule create --resource-group rg --nsg-name new-nsg --name a --priority 100 --direction Inbound --access Allow --protocol Tcp --destination-port-ranges 443\n`;
    const result = convertRules(subnet, script, "azcli", "json");
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          code: "not-expressible-in-json",
          message: expect.stringContaining("Cannot switch to JSON") as unknown,
        },
      ],
    });
  });

  it("notes that comments do not survive a conversion", () => {
    const result = convertRules(ftp, ftp.starter!, "azcli", "json");
    expect(result).toMatchObject({ ok: true, value: { notes: ["Comments are not carried over to JSON."] } });
  });

  it("gives an empty skeleton for blank text", () => {
    expect(convertRules(ftp, "", "azcli", "json")).toMatchObject({
      ok: true,
      value: { text: ruleSetsToJson([], ftp.editable) },
    });
    expect(JSON.parse(ruleSetsToJson([], ftp.editable))).toEqual({ "nsg-snet-ingest": [] });
    expect(readRuleSets(ftp, "  \n# nothing\n", "azcli")).toEqual({ ok: true, value: [] });
  });

  it("exports to every deployment format, and refuses while there are errors or no rules", () => {
    for (const format of EXPORT_FORMATS) {
      const result = exportLearnerRules(ftp, ftp.solution!, "azcli", format);
      expect(result.ok, format).toBe(true);
      if (result.ok) expect(result.value.text, format).toContain("Allow-FTP-Control-Studio");
    }
    const broken = exportLearnerRules(ftp, "{", "json", "arm");
    expect(broken).toMatchObject({ ok: false });
    expect(!broken.ok && broken.errors[0]).toMatchObject({
      code: "rules-have-errors",
      message: expect.stringContaining("Cannot export") as unknown,
    });
    expect(exportLearnerRules(ftp, "", "json", "arm")).toMatchObject({
      ok: false,
      errors: [{ code: "no-rules", message: "Cannot export: there are no rules yet." }],
    });
  });

  it("finds the resource group a script uses", () => {
    expect(resourceGroupIn("az network nsg rule create --resource-group media-rg --nsg-name x")).toBe(
      "media-rg",
    );
    expect(resourceGroupIn("az network nsg rule create -g 'my rg'")).toBe("my rg");
    expect(resourceGroupIn("az network nsg rule create -g $RG")).toBeUndefined();
  });
});
