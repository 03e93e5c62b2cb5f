import { el } from "./dom.ts";

/**
 * Asks before something replaces the learner's text. A modal <dialog>: focus moves into it,
 * Escape cancels, and focus returns to where it was. The safe choice has focus first.
 */
export function confirmDialog(options: {
  title: string;
  message: string;
  confirm: string;
  cancel?: string;
}): Promise<boolean> {
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const titleId = `ex-dialog-${Math.random().toString(36).slice(2)}`;
  const cancel = el(
    "button",
    { type: "button", class: "button-secondary", "data-dialog-cancel": "" },
    options.cancel ?? "Cancel",
  );
  const confirm = el("button", { type: "button", "data-dialog-confirm": "" }, options.confirm);
  const dialog = el(
    "dialog",
    { class: "ex-dialog", "aria-labelledby": titleId },
    el("h2", { id: titleId, class: "ex-dialog__title" }, options.title),
    el("p", {}, options.message),
    el("p", { class: "ex-dialog__buttons" }, cancel, confirm),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    const close = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      returnFocus?.focus();
      resolve(answer);
    };
    cancel.addEventListener("click", () => close(false));
    confirm.addEventListener("click", () => close(true));
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      close(false);
    });
    dialog.showModal();
    cancel.focus();
  });
}
