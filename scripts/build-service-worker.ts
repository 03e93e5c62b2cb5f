/** `npm run build`'s last step: <out>/sw.js (see write-service-worker.ts). */
import { writeServiceWorker } from "./write-service-worker.ts";

const outDir = process.env.ASTRO_OUT_DIR ?? "dist";
const { manifest, bytes } = await writeServiceWorker(outDir);
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
console.log(
  `${outDir}/sw.js, version ${manifest.version}: ${manifest.groups.core.length} files (${mb(bytes.core)}) ` +
    `cached on the first visit, ${manifest.groups.editor.length} more (${mb(bytes.editor)}) once an editor opens`,
);
