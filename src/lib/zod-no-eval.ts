import { config } from "zod/v4/core";

/**
 * Zod 4 probes `new Function("")` to decide whether it may compile fast parsers with eval; the
 * site's Content-Security-Policy forbids eval, so the probe would be reported as a violation in
 * every browser. Imported (for this side effect) wherever zod or zod/mini is.
 */
config({ jitless: true });
