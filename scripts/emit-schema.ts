/**
 * Writes public/schema/exercise.schema.json from the zod exercise schema, so editors
 * (VS Code via `$schema` or the yaml-language-server comment) autocomplete exercise files.
 * `npm run schema`; a unit test fails when the committed file is out of date.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { exerciseJsonSchema } from "../src/lib/grader/json-schema.ts";

mkdirSync("public/schema", { recursive: true });
writeFileSync("public/schema/exercise.schema.json", `${JSON.stringify(exerciseJsonSchema(), null, 2)}\n`);
console.log("wrote public/schema/exercise.schema.json");
