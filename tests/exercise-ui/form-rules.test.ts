import { describe, expect, it } from "vitest";
import { gradeSubmission } from "../../src/lib/grader/index.ts";
import { isEditorFormat, ruleFormatOf } from "../../src/lib/exercise-ui/editor-format.ts";
import { convertRules, readRuleSets } from "../../src/lib/exercise-ui/format-conversion.ts";
import { formRulesText, readFormRules, topologyWithRules } from "../../src/lib/exercise-ui/form-rules.ts";
import { gradeForEditor } from "../../src/lib/exercise-ui/grade-for-editor.ts";
import { decodeShareHash, encodeShareHash } from "../../src/lib/exercise-ui/share-link.ts";
import { parseSubmission } from "../../src/lib/exercise-ui/submission-file.ts";
import { checkDraft } from "../../src/lib/store/records/draft.ts";
import { exercise } from "./support.ts";

const verdicts = (report: ReturnType<typeof gradeSubmission>) =>
  report.results.map((r) => [r.name, r.actual, r.decider]);

describe("the portal form as an editor format", () => {
  const https = exercise("open-https-like-the-portal");
  const shadowed = exercise("fix-shadowed-allow");
  const asg = exercise("app-tier-asg");

  it("is a format drafts, links and submissions accept, graded as the JSON it stores", () => {
    expect(isEditorFormat("form")).toBe(true);
    expect(ruleFormatOf("form")).toBe("json");
    expect(ruleFormatOf("azcli")).toBe("azcli");
  });

  it("travels in drafts, share links and submission files like any other format", () => {
    const form = convertRules(https, https.solution!, "azcli", "form");
    if (!form.ok) throw new Error("no form");
    const link = encodeShareHash({ exercise: https.id, format: "form", text: form.value.text });
    expect(link.ok && decodeShareHash(link.value.hash)).toMatchObject({
      ok: true,
      value: { format: "form", text: form.value.text },
    });
    const draft = { version: 1, text: form.value.text, format: "form", savedAt: new Date().toISOString() };
    expect(checkDraft(draft)).toMatchObject({ ok: true, value: { format: "form" } });
    // A version 1 file that says "form" (hand-made: the editor writes "json") is graded as its JSON.
    const submission = JSON.stringify({
      format: "nsg-lab-submission",
      version: 1,
      exercise: https.id,
      rulesFormat: "form",
      rules: form.value.text,
      result: { passed: 7, failed: 0 },
      savedAt: new Date().toISOString(),
    });
    const parsed = parseSubmission(submission);
    const work = parsed.ok ? parsed.value.work[0] : undefined;
    expect(work?.kind === "author-rules" && work.rulesFormat).toBe("json");
    expect(work?.kind === "author-rules" && gradeSubmission(https, work.rules, work.rulesFormat).failed).toBe(
      0,
    );
  });

  it("takes az CLI rules into the form and back to JSON and az CLI, every verdict the same", () => {
    const form = convertRules(https, https.solution!, "azcli", "form");
    expect(form.ok).toBe(true);
    if (!form.ok) return;
    expect(JSON.parse(form.value.text)).toEqual({
      "vm-web1-nsg": [
        {
          name: "Allow-HTTPS",
          priority: 300,
          direction: "Inbound",
          access: "Allow",
          protocol: "Tcp",
          sourceAddressPrefix: "*",
          sourcePortRange: "*",
          destinationAddressPrefix: "*",
          destinationPortRange: "443",
        },
      ],
    });
    const solved = verdicts(gradeSubmission(https, https.solution!));
    expect(verdicts(gradeSubmission(https, form.value.text, ruleFormatOf("form")))).toEqual(solved);
    const json = convertRules(https, form.value.text, "form", "json");
    expect(json).toMatchObject({ ok: true, value: { text: form.value.text, notes: [] } });
    const cli = convertRules(https, form.value.text, "form", "azcli");
    expect(cli.ok && verdicts(gradeSubmission(https, cli.value.text, "azcli"))).toEqual(solved);
  });

  it("keeps multi-value prefixes, ports and ASGs through JSON → form → JSON", () => {
    const text = JSON.stringify({
      "nsg-snet-workload": [
        {
          name: "Web-To-App",
          priority: 200,
          direction: "Inbound",
          access: "Allow",
          protocol: "Tcp",
          sourceApplicationSecurityGroups: ["asg-web"],
          sourcePortRange: "*",
          destinationApplicationSecurityGroups: ["asg-app"],
          destinationPortRanges: ["8080", "8443-8444"],
        },
        {
          name: "Partners",
          priority: 300,
          direction: "Inbound",
          access: "Allow",
          protocol: "*",
          sourceAddressPrefixes: ["198.51.100.0/24", "203.0.113.7"],
          sourcePortRange: "*",
          destinationAddressPrefix: "*",
          destinationPortRange: "443",
        },
      ],
    });
    const form = convertRules(asg, text, "json", "form");
    expect(form.ok).toBe(true);
    if (!form.ok) return;
    const back = convertRules(asg, form.value.text, "form", "json");
    expect(back.ok && JSON.parse(back.value.text)).toEqual(JSON.parse(text));
  });

  it("shows an NSG the text leaves out with the rules it starts with", () => {
    const sets = readFormRules(shadowed, "");
    expect(sets.ok && sets.value.map((s) => [s.nsg, s.rules.map((r) => r.name)])).toEqual([
      ["nsg-snet-web", ["Deny-Internet-Inbound", "Allow-HTTPS-Internet", "Allow-SSH-Office"]],
    ]);
    const fromBlankScript = convertRules(shadowed, "# nothing yet\n", "azcli", "form");
    expect(fromBlankScript.ok && readFormRules(shadowed, fromBlankScript.value.text)).toEqual(sets);
    // The starter's `rule update` carries over: the deny moves to 305.
    const fromStarter = convertRules(shadowed, shadowed.starter!, "azcli", "form");
    const moved = fromStarter.ok ? readFormRules(shadowed, fromStarter.value.text) : undefined;
    expect(moved?.ok && moved.value[0]!.rules.map((r) => `${r.name} ${r.priority}`)).toEqual([
      "Deny-Internet-Inbound 305",
      "Allow-HTTPS-Internet 300",
      "Allow-SSH-Office 310",
    ]);
  });

  it("writes its rule sets back as the JSON it reads, and checks new rules against them", () => {
    const sets = readFormRules(shadowed, "");
    if (!sets.ok) throw new Error("unreadable");
    const text = formRulesText(shadowed, sets.value);
    expect(readFormRules(shadowed, text)).toEqual(sets);
    expect(readRuleSets(shadowed, text, "form")).toEqual(sets);
    const emptied = topologyWithRules(shadowed, [{ nsg: "nsg-snet-web", rules: [] }]);
    expect(emptied.nsgs.find((n) => n.name === "nsg-snet-web")!.securityRules).toEqual([]);
    expect(shadowed.topology.nsgs[0]!.securityRules).toHaveLength(3);
  });

  it("refuses a text with errors, says why and leaves it unchanged", () => {
    const broken = convertRules(https, "{ not json", "json", "form");
    expect(broken).toMatchObject({
      ok: false,
      errors: [
        {
          code: "rules-have-errors",
          message:
            "Cannot switch to the portal form: fix the 1 error in your JSON first. Your text is unchanged.",
        },
        { code: "invalid-json" },
      ],
    });
    const unreadable = readFormRules(https, '{ "vm-web1-nsg": [ { "name": "x" } ] }');
    expect(!unreadable.ok && unreadable.errors[0]).toMatchObject({
      code: "rules-have-errors",
      message: "Fix the 4 errors in your rules first.",
    });
  });

  it("refuses az CLI the form cannot show: associations, created NSGs", () => {
    const subnet = exercise("protect-the-whole-subnet");
    const script = `az network nsg create --resource-group rg --name new-nsg\naz network nsg rule create --resource-group rg --nsg-name new-nsg --name a --priority 100 --direction Inbound --access Allow --protocol Tcp --destination-port-ranges 443\n`;
    const associating = `${https.solution!}az network nic update --resource-group rg --name vm-web1-nic --network-security-group ""\n`;
    expect(convertRules(https, associating, "azcli", "form")).toMatchObject({
      ok: false,
      errors: [
        {
          code: "not-expressible-in-json",
          message:
            "Cannot switch to the portal form: your script associates NSGs with subnets or NICs, which the portal form cannot express. Your text is unchanged.",
        },
      ],
    });
    expect(convertRules(subnet, script, "azcli", "form")).toMatchObject({
      ok: false,
      errors: [
        {
          code: "not-expressible-in-json",
          message:
            'Cannot switch to the portal form: your script creates NSG "new-nsg", which the portal form cannot express. Your text is unchanged.',
        },
      ],
    });
  });

  it("notes the comments a conversion into the form drops", () => {
    expect(convertRules(https, https.starter!, "azcli", "form")).toMatchObject({
      ok: true,
      value: { notes: ["Comments are not carried over to the portal form."] },
    });
    const commented = `// mine\n${JSON.stringify({ "vm-web1-nsg": [] })}`;
    expect(convertRules(https, commented, "json", "form")).toMatchObject({
      ok: true,
      value: { notes: ["Comments are not carried over to the portal form."] },
    });
  });

  it("grades and marks the form's text as the editor grades JSON", () => {
    const form = convertRules(https, https.solution!, "azcli", "form");
    if (!form.ok) throw new Error("no form");
    expect(gradeForEditor(https, form.value.text, "form").report).toEqual(
      gradeForEditor(https, form.value.text, "json").report,
    );
  });
});
