/**
 * The Bash around az commands that a script (the verification scripts, a tutorial's set-up and
 * clean-up) uses, read as Bash runs it (Bash manual: "Shell Parameter Expansion", "The Set
 * Builtin", "Bourne Shell Builtins" for trap), and the az commands that ask Azure something
 * without changing the network: az group create|delete and az network watcher test-ip-flow.
 */
import { describe, expect, it } from "vitest";
import { parseAzCli, type AzCliOptions } from "../../src/lib/formats/azcli/index.ts";
import { CLOCK_STAND_IN } from "../../src/lib/formats/azcli/substitution.ts";
import type { RuleDocument } from "../../src/lib/formats/rule-document.ts";
import type { SourceSpan } from "../../src/lib/result.ts";
import { expectLocated } from "./located.ts";

const PLAYGROUND: AzCliOptions = { editable: [], buildNetwork: true };

function read(script: string): RuleDocument {
  const result = parseAzCli(script, PLAYGROUND);
  if (!result.ok)
    throw new Error(result.errors.map((e) => `${e.span?.line}:${e.span?.column} ${e.message}`).join("\n"));
  return result.value;
}

/** Errors as "code line:column" and the text each points at. */
function errorsOf(script: string): [string, string][] {
  const result = parseAzCli(script, PLAYGROUND);
  if (result.ok) throw new Error("expected errors");
  expectLocated(result.errors, script.split("\n").length);
  return result.errors
    .filter((e) => e.severity !== "warning")
    .map((e) => [`${e.code} ${e.span!.line}:${e.span!.column}`, textAt(script, e.span!)]);
}

function textAt(script: string, span: SourceSpan): string {
  const lines = script.split("\n");
  if (span.line !== span.endLine) return lines[span.line - 1]!.slice(span.column - 1);
  return lines[span.line - 1]!.slice(span.column - 1, span.endColumn - 1);
}

/** The ASG names a script creates: a way to see what a word expanded to. */
const asgs = (script: string) => read(script).network.map((c) => (c.kind === "asg" ? c.name : c.kind));

describe("${NAME:-default} and ${NAME-default}", () => {
  it("give the default when the variable is unset (or, with :-, empty), else the variable", () => {
    expect(asgs('az network asg create -g rg -n "${A:-fallback}"')).toEqual(["fallback"]);
    expect(asgs('A=set\naz network asg create -g rg -n "${A:-fallback}"')).toEqual(["set"]);
    expect(asgs('A=\nB=x\naz network asg create -g rg -n "${A:-fallback}$B"')).toEqual(["fallbackx"]);
    expect(asgs('A=\naz network asg create -g rg -n "x${A-fallback}"')).toEqual(["x"]);
  });

  it("expand the default only when it is used, as Bash does", () => {
    expect(asgs('A=set\naz network asg create -g rg -n "${A:-$NEVER_SET}"')).toEqual(["set"]);
    expect(errorsOf('az network asg create -g rg -n "${A:-$NEVER_SET}"')).toEqual([
      ["unset-variable 1:38", "$NEVER_SET"],
    ]);
  });

  it("read $(date +%s) as a fixed time, so a resource group name stays one word", () => {
    expect(asgs('RG="${RG:-nsglab-verify-$(date +%s)}"\naz network asg create -g rg -n "$RG"')).toEqual([
      `nsglab-verify-${CLOCK_STAND_IN}`,
    ]);
    expect(errorsOf("X=$(date)")[0]![0]).toBe("unsupported-substitution 1:3");
  });

  it("locate a default never closed, or with quotes in it, instead of reading on", () => {
    expect(errorsOf("X=${A:-abc\naz network asg create -g rg -n a")).toEqual([
      ["unterminated-quote 1:3", "${"],
    ]);
    expect(errorsOf("X=${A:-'abc'}")).toEqual([["unsupported-shell-syntax 1:8", "'"]]);
    expect(errorsOf("X=${A:=abc}")[0]).toEqual(["unsupported-shell-syntax 1:3", "${A:=abc}"]);
  });
});

describe("set, echo and trap", () => {
  it("reads set -euo pipefail and the other options that only change how Bash runs", () => {
    expect(read("set -euo pipefail\nset -x\nset +e\nset -o errexit -o nounset").warnings).toEqual([]);
    expect(errorsOf("set -euq")).toEqual([["unsupported-shell-syntax 1:5", "-euq"]]);
    expect(errorsOf("set -o posix")).toEqual([["unsupported-shell-syntax 1:8", "posix"]]);
    expect(errorsOf("set")).toEqual([["unsupported-shell-syntax 1:1", "set"]]);
  });

  it("notes echo, which only prints", () => {
    expect(read('echo "Creating the VM" > log.txt').warnings.map((w) => w.code)).toEqual([
      "shell-command-noted",
    ]);
  });

  const GROUP = 'RG=rg-lab\naz group create --name "$RG" --location eastus\n';

  it("runs an EXIT trap's handler when the script ends, as its clean-up, reading $RG then", () => {
    const script = `${GROUP}trap 'az group delete --name "$RG" --yes --no-wait' EXIT\nRG=rg-later\naz network asg create -g "$RG" -n a`;
    const doc = read(script);
    expect(doc.azure.map((s) => [s.kind, "action" in s && s.action, "name" in s && s.name])).toEqual([
      ["resource-group", "create", "rg-lab"],
      ["resource-group", "delete", "rg-later"],
    ]);
    const [create, remove] = doc.azure;
    expect(create!.cleanup).toBeUndefined();
    expect(remove!.cleanup?.armedAt.line).toBe(3);
    expect(textAt(script, remove!.span)).toBe('az group delete --name "$RG" --yes --no-wait');
  });

  it("locates a handler's problems inside its quotes, and a later trap replaces or removes it", () => {
    expect(errorsOf(`${GROUP}trap 'az group delete --nme "$RG"; rm -rf /tmp/x' EXIT`)).toEqual([
      ["unknown-argument 3:23", "--nme"],
      ["not-an-az-command 3:36", "rm"],
    ]);
    expect(errorsOf(`trap 'az group delete -n "x' EXIT`)).toEqual([["unterminated-quote 1:26", '"']]);
    const removed = read(`${GROUP}trap 'az group delete -n "$RG" -y' EXIT\ntrap - EXIT`);
    expect(removed.azure.map((s) => s.kind === "resource-group" && s.action)).toEqual(["create"]);
  });

  it("runs no handler twice, and refuses traps for signals that never arrive and bare function names", () => {
    const once = read(
      `${GROUP}trap 'trap "az group delete -n again -y" EXIT; az group delete -n "$RG" -y' EXIT`,
    );
    expect(once.azure.map((s) => "name" in s && s.name)).toEqual(["rg-lab", "rg-lab"]);
    expect(errorsOf("trap 'echo bye' INT")).toEqual([["unsupported-shell-syntax 1:17", "INT"]]);
    expect(errorsOf("trap -p")).toEqual([["unsupported-shell-syntax 1:6", "-p"]]);
    // NSG Lab reads no shell functions, so a handler naming one is a command it does not run.
    expect(errorsOf("trap cleanup EXIT")).toEqual([["not-an-az-command 1:6", "cleanup"]]);
  });
});

describe("az group create and az group delete", () => {
  it("are noted, as a tutorial's set-up and clean-up, with az's required arguments checked", () => {
    expect(
      read("az group create -g rg -l eastus\naz group delete -n rg --yes").warnings.map((w) => w.code),
    ).toEqual(["az-command-noted", "az-command-noted"]);
    expect(errorsOf("az group create --name rg")).toEqual([["missing-argument 1:1", "az group create"]]);
    expect(errorsOf("az group delete --nme rg")[0]).toEqual(["unknown-argument 1:17", "--nme"]);
  });
});

describe("az network watcher test-ip-flow", () => {
  const VM =
    "az network vnet create -g rg -n v --subnet-name s --subnet-prefixes 10.0.1.0/24\n" +
    "az network nic create -g rg -n nic1 --vnet-name v --subnet s --private-ip-address 10.0.1.4\n" +
    "az vm create -g rg -n vm1 --nics nic1 --image Ubuntu2204\n";
  const test = (args: string) => `${VM}az network watcher test-ip-flow -g rg --vm vm1 ${args}`;

  it("records the test, with the VM's NIC, direction and protocol in az's spelling", () => {
    const doc = read(
      test(
        "--nic nic1 --direction inbound --protocol tcp --local 10.0.1.4:22 --remote 203.0.113.9:50000 -o tsv",
      ),
    );
    expect(doc.azure.map(({ span: _, ...s }) => s)).toEqual([
      {
        kind: "ip-flow-verify",
        vm: "vm1",
        nic: "nic1",
        direction: "Inbound",
        protocol: "TCP",
        local: { ip: "10.0.1.4", port: "22" },
        remote: { ip: "203.0.113.9", port: "50000" },
      },
    ]);
    expect(doc.warnings.map((w) => w.code)).toContain("az-command-noted");
  });

  it("checks its values as az does, each at the value", () => {
    expect(
      errorsOf(test("--direction sideways --protocol TCP --local 10.0.1.4:22 --remote 1.2.3.4:5")),
    ).toEqual([["invalid-argument-value 4:60", "sideways"]]);
    expect(
      errorsOf(test("--direction Inbound --protocol ICMP --local 10.0.1.4 --remote [2001:db8::1]:443")).map(
        (e) => e[1],
      ),
    ).toEqual(["ICMP", "10.0.1.4", "[2001:db8::1]:443"]);
    expect(
      errorsOf(test("--direction Inbound --protocol TCP --local 10.0.1.4:70000 --remote 1.2.3.4:5"))[0]![1],
    ).toBe("10.0.1.4:70000");
  });

  it("needs a VM of the network, one of its NICs, and -g with a VM name", () => {
    const flow = "--direction Inbound --protocol TCP --local 10.0.1.4:22 --remote 1.2.3.4:5";
    expect(errorsOf(`${VM}az network watcher test-ip-flow -g rg --vm vm9 ${flow}`)).toEqual([
      ["vm-not-found 4:44", "vm9"],
    ]);
    expect(errorsOf(test(`--nic other ${flow}`))).toEqual([["unknown-nic 4:54", "other"]]);
    expect(errorsOf(`${VM}az network watcher test-ip-flow --vm vm1 ${flow}`)).toEqual([
      ["missing-argument 4:38", "vm1"],
    ]);
    expect(errorsOf(`${VM}az network watcher test-ip-flow -g rg --vm vm1 --direction Inbound`)).toEqual([
      ["missing-argument 4:1", "az network watcher test-ip-flow"],
    ]);
  });
});

describe("hostile shell", () => {
  it("gives a located error for defaults nested thousands deep or never closed, not a stall", () => {
    const deep = `X="${"${A:-".repeat(5000)}x${"}".repeat(5000)}"`;
    expect(errorsOf(deep).map((e) => e[0])).toEqual(["nesting-too-deep 1:44"]);
    expect(errorsOf(`trap '${"${A:-".repeat(5000)}' EXIT`).map((e) => e[0].split(" ")[0])).toEqual([
      "unterminated-quote",
    ]);
  });
});
