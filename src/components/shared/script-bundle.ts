/**
 * Runs a self-contained bundle (a Vite `?worker&url` build) with a <script type="module"> and
 * resolves with what it registered on `globalThis` under `name`. A module script runs in strict
 * mode and fires "load" after it has run. A failed load may be tried again.
 */
const loading = new Map<string, Promise<unknown>>();

export function runBundle<T>(url: string, name: string): Promise<T> {
  let running = loading.get(url);
  if (!running) {
    running = new Promise<unknown>((resolve, reject) => {
      const script = document.createElement("script");
      script.type = "module";
      script.src = url;
      script.addEventListener("load", () => {
        const api = (globalThis as Record<string, unknown>)[name];
        if (api) resolve(api);
        else reject(new Error(`${url} did not register ${name}`));
      });
      script.addEventListener("error", () => {
        script.remove();
        reject(new Error(`could not load ${url}`));
      });
      document.head.append(script);
    }).catch((error: unknown) => {
      loading.delete(url);
      throw error;
    });
    loading.set(url, running);
  }
  return running as Promise<T>;
}
