/**
 * "The JSON the course teaches is the JSON the editor takes": every shape a lesson shows, or a
 * learner pastes from Azure, reads as rules and is graded. The fixtures are real shapes of the
 * format: lesson 3's ARM child resource as the lesson prints it, what `az network nsg rule
 * create` prints for one rule, and an ARM template with `securityRules` child resources as
 * Azure's quickstart templates write them (expressions where quickstarts put them: parameters,
 * location, dependsOn).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseDataRules } from "../../src/lib/formats/parse-data-rules.ts";
import {
  applyRules,
  gradeWithDocument,
  parseLearnerRules,
  type Exercise,
} from "../../src/lib/grader/index.ts";
import { exerciseFile } from "../grader/fixtures.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const LESSON_3 = fixture("lesson-3-arm-child-resource.json");
const AZ_RULE_CREATE = fixture("az-nsg-rule-create-output.json");
const QUICKSTART = fixture("quickstart-template-security-rules.json");

/** nsg-snet-web is the only NSG the learner edits. */
const shadowed = exerciseFile("fix-shadowed-allow.yaml");
/** nsg-snet-api is the only NSG the learner edits (lesson 3's own exercise). */
const partners = exerciseFile("partners-augmented-rule.yaml");
/** nsg-snet-web and nsg-vm-test1 are both editable. */
const twoNsgs = exerciseFile("protect-the-whole-subnet.yaml");

const flatRule = {
  name: "Allow-HTTPS-From-Office",
  priority: 200,
  direction: "Inbound",
  access: "Allow",
  protocol: "Tcp",
  sourceAddressPrefix: "203.0.113.0/24",
  sourcePortRange: "*",
  destinationAddressPrefix: "10.0.1.4",
  destinationPortRange: "443",
};
const { name: _name, ...flatFields } = flatRule;
const armRule = { name: flatRule.name, properties: flatFields };

/** The rules each NSG gets, validated as the grader validates them, or the errors. */
function applied(text: string, exercise: Exercise, format: "json" | "yaml" = "json") {
  const doc = parseLearnerRules(text, exercise, format);
  if (!doc.ok) return { errors: doc.errors };
  const topology = applyRules(exercise, doc.value);
  if (!topology.ok) return { errors: topology.errors };
  return {
    nsgs: Object.fromEntries(
      doc.value.nsgs.map((n) => [
        n.name,
        topology.value.nsgs.find((t) => t.name === n.name)!.securityRules.map((r) => r.name),
      ]),
    ),
    warnings: doc.value.warnings,
  };
}

/** Only the error codes and where they are ("line:column"). */
const codesAt = (result: { errors?: { code: string; span?: { line: number; column: number } }[] }) =>
  result.errors?.map((e) => `${e.code} ${e.span?.line}:${e.span?.column}`);

describe("lesson 3's ARM child resource", () => {
  it("is graded as a rule of the NSG its name starts with", () => {
    expect(applied(LESSON_3, shadowed)).toEqual({
      nsgs: { "nsg-snet-web": ["Allow-HTTPS-From-Office"] },
      warnings: [],
    });
    const { report } = gradeWithDocument(shadowed, LESSON_3, "json");
    expect(report.status).toBe("graded");
    expect(report.errors).toEqual([]);
  });

  it("pasted into an exercise with another NSG, says so once, on the name, and how to rename it", () => {
    const result = applied(LESSON_3, partners);
    expect(codesAt(result)).toEqual(["not-editable-nsg 4:11"]);
    expect(result.errors![0]!.message).toBe(
      'NSG "nsg-snet-web" is not editable in this exercise; you can change: nsg-snet-api. Name the rule "nsg-snet-api/<rule-name>" to put it there',
    );
  });

  it("renamed for that exercise, is graded there", () => {
    const renamed = LESSON_3.replace("nsg-snet-web/", "nsg-snet-api/");
    expect(applied(renamed, partners).nsgs).toEqual({ "nsg-snet-api": ["Allow-HTTPS-From-Office"] });
  });

  it("locates a rule error under its properties", () => {
    const wrong = LESSON_3.replace('"priority": 200', '"priority": 50');
    expect(codesAt(applied(wrong, shadowed))).toEqual(["priority-out-of-range 7:17"]);
  });

  it("reads the same from YAML", () => {
    const yaml = stringify(JSON.parse(LESSON_3));
    expect(applied(yaml, shadowed, "yaml").nsgs).toEqual({ "nsg-snet-web": ["Allow-HTTPS-From-Office"] });
  });
});

describe("one rule", () => {
  it("flat, or as ARM's { name, properties }, goes to the only editable NSG", () => {
    for (const rule of [flatRule, armRule])
      expect(applied(JSON.stringify(rule, null, 2), shadowed).nsgs).toEqual({
        "nsg-snet-web": ["Allow-HTTPS-From-Office"],
      });
    expect(applied(stringify(flatRule), shadowed, "yaml").nsgs).toEqual({
      "nsg-snet-web": ["Allow-HTTPS-From-Office"],
    });
  });

  it("a securityRules resource named without its NSG goes to the only editable NSG", () => {
    const child = { type: "Microsoft.Network/networkSecurityGroups/securityRules", ...armRule };
    expect(applied(JSON.stringify(child), shadowed).nsgs).toEqual({
      "nsg-snet-web": ["Allow-HTTPS-From-Office"],
    });
  });

  it("with two editable NSGs and none named, is ambiguous, said at the rule", () => {
    const text = `\n${JSON.stringify(flatRule, null, 2)}`;
    const result = applied(text, twoNsgs);
    expect(codesAt(result)).toEqual(["ambiguous-rule-list 2:1"]);
    expect(result.errors![0]!.message).toContain("nsg-snet-web, nsg-vm-test1");
    expect(result.errors![0]!.message).toContain('{ "<nsg-name>": [ ...rules ] }');
  });

  it("with two editable NSGs, a child resource's name picks one", () => {
    expect(applied(LESSON_3, twoNsgs).nsgs).toEqual({ "nsg-snet-web": ["Allow-HTTPS-From-Office"] });
  });
});

describe("what az network nsg rule create prints", () => {
  it("is one rule of the NSG its id names; read-only fields and nulls are ignored", () => {
    expect(applied(AZ_RULE_CREATE, shadowed)).toEqual({
      nsgs: { "nsg-snet-web": ["Allow-HTTPS-From-Office"] },
      warnings: [],
    });
    expect(applied(AZ_RULE_CREATE, twoNsgs).nsgs).toEqual({ "nsg-snet-web": ["Allow-HTTPS-From-Office"] });
  });

  it("keeps the rule's own values", () => {
    const doc = parseDataRules(AZ_RULE_CREATE, "json", { editable: ["nsg-snet-web"] });
    expect(doc.ok && doc.value.nsgs[0]!.rules[0]).toMatchObject({
      name: "Allow-HTTPS-From-Office",
      priority: 200,
      sourceAddressPrefix: "203.0.113.0/24",
      destinationPortRange: "443",
    });
    expect(doc.ok && doc.value.nsgs[0]!.rules[0]).not.toHaveProperty("sourceApplicationSecurityGroups");
  });

  it("for an NSG the exercise does not have, points at the id", () => {
    const result = applied(AZ_RULE_CREATE, partners);
    expect(codesAt(result)).toEqual(["not-editable-nsg 11:9"]);
    expect(result.errors![0]!.message).toContain('the "id" puts this rule in NSG "nsg-snet-web"');
    expect(result.errors![0]!.message).toContain('without "id", the rule goes to nsg-snet-api');
  });

  it("without its id, goes to the only editable NSG", () => {
    const { id: _id, ...rest } = JSON.parse(AZ_RULE_CREATE) as Record<string, unknown>;
    expect(applied(JSON.stringify(rest), partners).nsgs).toEqual({
      "nsg-snet-api": ["Allow-HTTPS-From-Office"],
    });
  });

  it("as az network nsg rule list prints several, each goes to its NSG", () => {
    const one = JSON.parse(AZ_RULE_CREATE) as Record<string, unknown>;
    const other = {
      ...one,
      name: "Allow-SSH-Office",
      priority: 310,
      destinationPortRange: "22",
      id: String(one.id).replace("Allow-HTTPS-From-Office", "Allow-SSH-Office"),
    };
    expect(applied(JSON.stringify([one, other], null, 2), twoNsgs).nsgs).toEqual({
      "nsg-snet-web": ["Allow-HTTPS-From-Office", "Allow-SSH-Office"],
    });
  });

  it("reads the same from YAML", () => {
    expect(applied(stringify(JSON.parse(AZ_RULE_CREATE)), shadowed, "yaml").nsgs).toEqual({
      "nsg-snet-web": ["Allow-HTTPS-From-Office"],
    });
  });
});

describe("lists and NSGs", () => {
  it("a list of rules goes to the only editable NSG; with two, it is ambiguous", () => {
    const ssh = {
      name: "Allow-SSH-Office",
      properties: { ...flatFields, priority: 310, destinationPortRange: "22" },
    };
    const text = JSON.stringify([flatRule, ssh]);
    expect(applied(text, shadowed).nsgs).toEqual({
      "nsg-snet-web": ["Allow-HTTPS-From-Office", "Allow-SSH-Office"],
    });
    expect(codesAt(applied(text, twoNsgs))).toEqual(["ambiguous-rule-list 1:1"]);
  });

  it('{ "securityRules": [...] } goes to the only editable NSG; with two, it is ambiguous', () => {
    const text = JSON.stringify({ securityRules: [flatRule] });
    expect(applied(text, shadowed).nsgs).toEqual({ "nsg-snet-web": ["Allow-HTTPS-From-Office"] });
    expect(codesAt(applied(text, twoNsgs))).toEqual(["ambiguous-rule-list 1:1"]);
    expect(
      codesAt(applied(JSON.stringify({ name: "nsg-vm-test1", securityRules: [flatRule] }), twoNsgs)),
    ).toBe(undefined);
  });

  it("securityRules that is not a list is an error at it", () => {
    expect(codesAt(applied('{\n  "securityRules": {}\n}', shadowed))).toEqual([
      "invalid-document-shape 2:20",
    ]);
  });

  it("lesson 7's NSG resource is graded in the exercise about that NSG", () => {
    const lesson = readFileSync(
      new URL("../../content/lessons/07-capstone-active-ftp.mdx", import.meta.url),
      "utf8",
    );
    const snippet = /```json\n([\s\S]*?)```/.exec(lesson)![1]!;
    expect(applied(snippet, exerciseFile("ftp-active-studio.yaml")).nsgs).toEqual({
      "nsg-snet-ingest": ["Allow-FTP-Control-Studio", "Allow-FTP-Active-Data-Studio"],
    });
  });

  it("an NSG with child rules nested in its own resources", () => {
    const nsg = {
      type: "Microsoft.Network/networkSecurityGroups",
      name: "nsg-snet-web",
      properties: { securityRules: [] },
      resources: [{ type: "securityRules", apiVersion: "2023-09-01", ...armRule }],
    };
    expect(applied(JSON.stringify(nsg), shadowed).nsgs).toEqual({
      "nsg-snet-web": ["Allow-HTTPS-From-Office"],
    });
  });

  it("a list of NSG resources, as az network nsg list prints it", () => {
    const list = [
      { name: "nsg-snet-web", securityRules: [flatRule] },
      { name: "nsg-vm-test1", securityRules: [] },
    ];
    expect(applied(JSON.stringify(list), twoNsgs).nsgs).toEqual({
      "nsg-snet-web": ["Allow-HTTPS-From-Office"],
      "nsg-vm-test1": [],
    });
  });

  it("an NSG written twice is a duplicate", () => {
    const list = [
      { name: "nsg-snet-web", securityRules: [] },
      { name: "nsg-snet-web", securityRules: [] },
    ];
    expect(applied(JSON.stringify(list), shadowed).errors?.map((e) => e.code)).toEqual(["duplicate-nsg"]);
  });

  it("an object that is none of these names the shapes the editor reads", () => {
    const result = applied('{ "nsg-snet-web": { "rules": [] } }', shadowed);
    expect(codesAt(result)).toEqual(["invalid-document-shape 1:19"]);
    expect(result.errors![0]!.message).toContain("ARM securityRules resource");
  });
});

describe("ARM templates", () => {
  it("a quickstart-style template is graded; expressions outside the rules are left alone", () => {
    expect(applied(QUICKSTART, shadowed)).toEqual({
      nsgs: { "nsg-snet-web": ["Allow-HTTPS-Internet", "Allow-SSH-Office", "Deny-Internet-Inbound"] },
      warnings: [],
    });
    const { report } = gradeWithDocument(shadowed, QUICKSTART, "json");
    expect(report.results.every((r) => r.pass)).toBe(true);
  });

  it("resources by symbolic name (languageVersion 2.0)", () => {
    const template = {
      languageVersion: "2.0",
      contentVersion: "1.0.0.0",
      resources: {
        rule: {
          type: "Microsoft.Network/networkSecurityGroups/securityRules",
          apiVersion: "2023-09-01",
          name: "nsg-snet-web/Allow-HTTPS-From-Office",
          properties: flatFields,
        },
      },
    };
    expect(applied(JSON.stringify(template), shadowed).nsgs).toEqual({
      "nsg-snet-web": ["Allow-HTTPS-From-Office"],
    });
  });

  it("a child resource in a template is named after its NSG, as ARM requires", () => {
    const template = {
      resources: [{ type: "Microsoft.Network/networkSecurityGroups/securityRules", ...armRule }],
    };
    const result = applied(JSON.stringify(template, null, 2), shadowed);
    expect(codesAt(result)).toEqual(["invalid-resource-name 5:15"]);
    expect(result.errors![0]!.message).toContain('"nsg-snet-web/Allow-HTTPS-From-Office"');
  });

  it("a name built by an expression is evaluated, as a deployment would", () => {
    const template = JSON.parse(QUICKSTART) as { resources: { name: string }[] };
    template.resources[1]!.name = "[format('{0}/{1}', 'nsg-snet-web', 'Allow-SSH-Office')]";
    const result = applied(JSON.stringify(template, null, 2), shadowed);
    expect(result.errors).toBeUndefined();
    expect(result.nsgs?.["nsg-snet-web"]).toContain("Allow-SSH-Office");
  });

  it("a name built by a function NSG Lab does not evaluate is refused once, at the name, naming it", () => {
    const template = JSON.parse(QUICKSTART) as { resources: { name: string }[] };
    template.resources[1]!.name = "[concat('nsg-snet-web/', uniqueString(resourceGroup().id))]";
    const result = applied(JSON.stringify(template, null, 2), shadowed);
    expect(codesAt(result)).toEqual(["arm-expression-unsupported 40:15"]);
    expect(result.errors![0]!.message).toContain("uniqueString()");
  });

  it("an expression inside a rule outside a template is refused at its place", () => {
    const text = LESSON_3.replace('"10.0.1.4"', "\"[parameters('webIp')]\"");
    expect(codesAt(applied(text, shadowed))).toEqual(["arm-expression-unsupported 13:33"]);
  });
});
