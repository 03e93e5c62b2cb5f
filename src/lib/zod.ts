import "./zod-no-eval.ts";

/** The project imports zod from here, so zod never tries eval (see zod-no-eval.ts). */
export { z } from "zod";
