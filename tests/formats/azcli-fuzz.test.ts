import fc from "fast-check";
import { expectLocated } from "./located.ts";
import { describe, expect, it } from "vitest";
import { parseAzCli, type AzCliOptions } from "../../src/lib/formats/azcli/index.ts";
import { vmTopology } from "./vm-topology.ts";

/** Whatever the learner pastes, the parser answers with a result, and every error has a place. */

const OPTIONS: AzCliOptions = {
  editable: ["web-nsg"],
  initialRules: {
    "web-nsg": [
      {
        name: "allow-ssh",
        priority: 300,
        direction: "Inbound",
        access: "Allow",
        protocol: "Tcp",
        sourceAddressPrefix: "*",
        sourcePortRange: "*",
        destinationAddressPrefix: "*",
        destinationPortRange: "22",
      },
    ],
  },
  topology: vmTopology({ "web-vm": { nic: "web-nsg" } }),
};

const VALID = [
  "#!/bin/bash",
  "RG=nsg-lab-rg",
  'NSG="web-nsg"',
  "az network nsg rule create \\",
  "  --resource-group $RG --nsg-name $NSG \\",
  "  --name allow-web --priority 100 \\",
  "  --source-address-prefixes Internet --destination-port-ranges 80 443 \\",
  "  --description 'Allow \"web\" traffic'  # comment",
  "az network nsg rule update -g $RG --nsg-name ${NSG} -n allow-ssh --source-asgs admins; az vm open-port -g $RG -n web-vm --port 8080,8443",
  "az network nsg rule delete -g $RG --nsg-name $NSG -n allow-web && az network nic update -g $RG -n nic --network-security-group web-nsg",
].join("\n");

const VALID_PS = [
  '$rg = "nsg-lab-rg"',
  "az network nsg rule create `",
  "  --resource-group $RG --nsg-name web-nsg `",
  `  --name "allow-web" --priority 100 --description "it's ""fine"" 'really'" --source-port-ranges '*' 'a''b'`,
].join("\n");

function check(text: string) {
  const result = parseAzCli(text, OPTIONS);
  expect(typeof result.ok).toBe("boolean");
  const lineCount = text.split("\n").length;
  if (result.ok) {
    for (const nsg of result.value.nsgs) {
      nsg.rules.forEach((_, i) => result.value.locate([nsg.name, i, "priority"]));
    }
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  expectLocated(result.errors, lineCount);
}

/** Characters that matter to a shell or to az, so mutations hit the interesting paths. */
const SPECIAL = fc.constantFrom(
  ..."\\`'\"$#;&|<>(){}*=- \t\n\r\u00a0".split(""),
  "${",
  "$(",
  "--",
  "-g",
  "--priority",
  "\\\n",
  "`\n",
  "&&",
  "2>&1",
  "''",
  '""',
);

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(SPECIAL, fc.string({ maxLength: 4 })),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    kind: fc.constant("duplicate" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
);

type Mutation = { kind: "insert" | "delete" | "duplicate"; at: number; text?: string; length?: number };

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    if (m.kind === "insert") out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === "delete") out = out.slice(0, at) + out.slice(at + (m.length ?? 1));
    else out = out.slice(0, at) + out.slice(at, at + (m.length ?? 1)) + out.slice(at);
  }
  return out;
}

describe("fuzzing parseAzCli", () => {
  it("the valid scripts are valid", () => {
    expect(parseAzCli(VALID, OPTIONS).ok).toBe(true);
    expect(parseAzCli(VALID_PS, OPTIONS).ok).toBe(true);
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), check), { numRuns: 400 });
    fc.assert(
      fc.property(
        fc.array(SPECIAL, { maxLength: 60 }).map((a) => a.join("")),
        check,
      ),
      { numRuns: 400 },
    );
  });

  it("never throws on mutated valid scripts (Bash and PowerShell)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(VALID, VALID_PS),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (script, mutations) => check(mutate(script, mutations)),
      ),
      { numRuns: 600 },
    );
  });

  it("reads non-string input as an empty script", () => {
    for (const input of [undefined, null, 42, {}]) {
      const result = parseAzCli(input as string, OPTIONS);
      expect(result.ok && result.value.nsgs).toEqual([]);
    }
  });
});

describe("a 1 MB paste", () => {
  it("parses a megabyte of valid commands well under a second", () => {
    const commands: string[] = ["RG=nsg-lab-rg", "NSG=web-nsg"];
    let size = 0;
    for (let i = 0; size < 1_000_000; i++) {
      const line = `az network nsg rule create \\\n  -g $RG --nsg-name $NSG -n rule-${i} --priority ${100 + (i % 3900)} \\\n  --source-address-prefixes 10.${i % 250}.0.0/16 --destination-port-ranges 80 443 --description 'rule ${i}'  # note\n`;
      commands.push(line);
      size += line.length;
    }
    const script = commands.join("\n");
    expect(script.length).toBeGreaterThanOrEqual(1_000_000);
    // Speed is npm run bench's (rows 3b and 5); here, a hang fails the test's timeout.
    const result = parseAzCli(script, OPTIONS);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.nsgs[0]!.rules.length).toBe(commands.length - 1);
  });

  it("reports a megabyte of garbage with spans, without hanging", () => {
    const junk = "az network nsg rule create --bogus 'x' \"$UNSET\" | ; && `\n".repeat(20_000);
    const result = parseAzCli(junk, OPTIONS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.every((e) => e.span)).toBe(true);
  });
});
