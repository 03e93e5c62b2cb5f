/**
 * IP flow verify takes TCP or UDP only; Network Watcher's NSG diagnostics also takes ICMP. So
 * wherever the course has learners ping (a lesson that talks about ping, an exercise with an ICMP
 * flow), it names NSG diagnostics as the tool to check it, and never gives ICMP to IP flow verify.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadExercise } from "../../src/lib/grader/index.ts";

const lessons = readdirSync("content/lessons").map((f) => `content/lessons/${f}`);
const exercises = readdirSync("graders").map((f) => `graders/${f}`);
const text = (file: string) => readFileSync(file, "utf8");

const pings = (file: string) => {
  if (file.startsWith("content/")) return /\bping/i.test(text(file));
  const loaded = loadExercise(text(file));
  return loaded.ok && loaded.value.expectations.some((e) => e.flow.protocol.toLowerCase() === "icmp");
};

describe("checking a ping in Azure", () => {
  const pinging = [...lessons, ...exercises].filter(pings);

  it("is something the course asks about", () => {
    expect(pinging).toEqual(
      expect.arrayContaining([
        "content/lessons/03-anatomy-of-a-security-rule.mdx",
        "content/lessons/04-processing-order.mdx",
        "graders/new-vm-what-gets-in.yaml",
      ]),
    );
  });

  it("names NSG diagnostics wherever learners ping", () => {
    for (const file of pinging) expect(text(file), file).toMatch(/NSG diagnostics/);
  });

  it("never gives ICMP to IP flow verify", () => {
    for (const file of [...lessons, ...exercises]) {
      const commands = text(file).split(/\n(?=az )/);
      for (const command of commands.filter((c) => c.startsWith("az network watcher test-ip-flow")))
        expect(command, file).not.toMatch(/--protocol\s+(icmp|\*|any)/i);
    }
  });

  it("shows the NSG diagnostics command with ICMP where IP flow verify is introduced", () => {
    const lesson4 = text("content/lessons/04-processing-order.mdx");
    expect(lesson4).toMatch(/IP flow verify[^\n]*TCP and UDP only/);
    expect(lesson4).toMatch(/az network watcher run-configuration-diagnostic[\s\S]*?--protocol Icmp/);
  });
});
