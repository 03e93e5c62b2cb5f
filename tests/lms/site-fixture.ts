import { PACKAGE_CONFIG_MARKER } from "../../src/lib/lms/package-config.ts";
import { RELOCATABLE_BASE } from "../../src/lib/lms/relocate-site.ts";

const B = RELOCATABLE_BASE;
const text = (s: string) => new TextEncoder().encode(s);

/** A small site as `npm run build` writes it with the relocatable base. */
export function builtSite(): Map<string, Uint8Array> {
  return new Map([
    [
      "index.html",
      text(
        `<!doctype html><link rel="stylesheet" href="${B}_astro/site.css"><a href="${B}">Home</a> <a href="${B}lessons/processing-order/#try-it">Lesson</a><script type="module" src="${B}_astro/app.js"></script>`,
      ),
    ],
    ["lessons/processing-order/index.html", text(`<a href="${B}assignment/?exercises=ftp-active">Go</a>`)],
    ["assignment/index.html", text(`<h1>Assignment</h1><a href="${B}">Back</a>`)],
    [
      "lms/index.html",
      text(
        `<header data-lms-launch data-package="${PACKAGE_CONFIG_MARKER}" data-assignment-url="${B}assignment/"></header>`,
      ),
    ],
    ["_astro/site.css", text(`@font-face{src:url(${B}_astro/icons.ttf)}`)],
    ["_astro/app.js", text("export const worker = `" + B + "_astro/worker.js`;\n")],
    ["_astro/icons.ttf", new Uint8Array([0, 1, 2, 3, 255])],
    ["favicon.svg", text("<svg xmlns='http://www.w3.org/2000/svg'/>")],
  ]);
}
