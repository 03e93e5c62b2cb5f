import { joinBase } from "../../lib/course/base-path.ts";
import { OFFLINE_MESSAGES, SERVICE_WORKER_FILE } from "../../lib/offline/worker-protocol.ts";

const base = import.meta.env.BASE_URL;

function showNotice(registration: ServiceWorkerRegistration, onActivate: () => void): void {
  const body = document.querySelector<HTMLElement>("[data-update-body]");
  const reload = body?.querySelector<HTMLButtonElement>("[data-update-reload]");
  const later = body?.querySelector<HTMLButtonElement>("[data-update-later]");
  if (!body || !reload || !later || !body.hidden) return;
  reload.onclick = () => {
    // A waiting version takes over first, then this page reloads into it (controllerchange);
    // a version another tab already activated only needs the reload.
    const waiting = registration.waiting;
    if (waiting) {
      onActivate();
      waiting.postMessage({ type: OFFLINE_MESSAGES.activateNewVersion });
    } else location.reload();
  };
  later.onclick = () => {
    body.hidden = true;
  };
  body.hidden = false;
}

async function registerServiceWorker(): Promise<void> {
  const container = navigator.serviceWorker;
  const registration = await container.register(joinBase(base, SERVICE_WORKER_FILE), { scope: base });
  let controlled = container.controller !== null;
  let reloadRequested = false;
  const offer = () => showNotice(registration, () => (reloadRequested = true));
  container.addEventListener("controllerchange", () => {
    if (reloadRequested) location.reload();
    // Another tab chose Reload: this page is now older than the site it is served from.
    else if (controlled) offer();
    controlled = true;
  });
  const watch = (worker: ServiceWorker | null) =>
    worker?.addEventListener("statechange", () => {
      // "installed" with a controller is an update; without one it is the first visit's copy.
      if (worker.state === "installed" && container.controller) offer();
    });
  if (registration.waiting && controlled) offer();
  // A download may have begun before this page registered (the browser checks on navigation).
  watch(registration.installing);
  registration.addEventListener("updatefound", () => watch(registration.installing));
}

/**
 * UpdateNotice.astro: registers the service worker and shows the notice when a new version has
 * been downloaded. It starts after `load` (deferred-islands.ts), so the first visit's download
 * never competes with the page itself; the dev server has no worker to register.
 */
export function start(): void {
  if (!import.meta.env.PROD) return;
  try {
    if (!("serviceWorker" in navigator)) return;
    registerServiceWorker().catch((error: unknown) => console.info("NSG Lab: no offline copy", error));
  } catch (error) {
    console.info("NSG Lab: no offline copy", error);
  }
}
