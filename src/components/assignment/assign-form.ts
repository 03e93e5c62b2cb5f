/**
 * The "Build an assignment" form (src/pages/assign.astro), a thin view: the chosen exercises in
 * the instructor's order, their points, a preview of the instructions as learners will see them,
 * and the link, rebuilt on every change from `assignmentFromForm` and checked by reading it back
 * with `readAssignment`, exactly as the learner's page will.
 */
import { assignmentFromForm } from "../../lib/assignments/assignment-form.ts";
import { assignmentQuery, readAssignment } from "../../lib/assignments/assignment-link.ts";
import { DEFAULT_POINTS } from "../../lib/lms/package-config.ts";
import { isFeedbackLevel, type FeedbackLevel } from "../../lib/assignments/feedback-level.ts";
import { renderInstructions } from "../../lib/assignments/instructions.ts";
import type { Issue } from "../../lib/result.ts";
import { asyncHandler, copyText } from "../shared/dom.ts";

export function setupAssignForm(form: HTMLFormElement): void {
  const q = <T extends Element>(selector: string) => form.querySelector<T>(selector)!;
  const order: string[] = [];
  const points = new Map<string, string>();
  const titleOf = (id: string) =>
    form
      .querySelector<HTMLInputElement>(`input[name="exercise"][value="${CSS.escape(id)}"]`)
      ?.closest("label")
      ?.querySelector("span")?.textContent ?? id;
  const known = new Set(
    [...form.querySelectorAll<HTMLInputElement>('input[name="exercise"]')].map((i) => i.value),
  );
  const list = q<HTMLOListElement>("[data-assign-order]");
  const link = q<HTMLInputElement>("[data-assign-link]");
  const copy = q<HTMLButtonElement>("[data-assign-copy]");
  const open = q<HTMLAnchorElement>("[data-assign-open]");
  const status = q<HTMLElement>("[data-assign-status]");
  const errors = q<HTMLUListElement>("[data-assign-errors]");
  const total = q<HTMLElement>("[data-assign-total]");
  const givePoints = q<HTMLInputElement>("[data-assign-give-points]");
  const instructions = q<HTMLTextAreaElement>("[data-assign-instructions]");
  const preview = q<HTMLElement>("[data-assign-preview]");

  const feedback = (): FeedbackLevel => {
    const value = form.querySelector<HTMLInputElement>('input[name="feedback"]:checked')?.value;
    return isFeedbackLevel(value) ? value : "full";
  };

  const listItems = (target: HTMLUListElement, issues: readonly Issue[]) => {
    target.replaceChildren(
      ...issues.map((i) => Object.assign(document.createElement("li"), { textContent: i.message })),
    );
    target.hidden = issues.length === 0;
  };

  function move(index: number, by: number) {
    const to = index + by;
    if (to < 0 || to >= order.length) return;
    [order[index], order[to]] = [order[to]!, order[index]!];
    renderOrder(order[to]);
  }

  function pointsInput(id: string): HTMLElement {
    const label = document.createElement("label");
    label.className = "assign__points-label";
    const input = Object.assign(document.createElement("input"), {
      type: "number",
      min: "1",
      max: "100",
      step: "1",
      value: points.get(id) ?? String(DEFAULT_POINTS),
      className: "assign__points",
    });
    input.dataset.pointsFor = id;
    input.setAttribute("aria-label", `Points for ${titleOf(id)}`);
    input.addEventListener("input", () => {
      points.set(id, input.value);
      renderLink();
    });
    label.append(input, " points");
    return label;
  }

  function renderOrder(focusId?: string) {
    list.replaceChildren(
      ...order.map((id, i) => {
        const li = document.createElement("li");
        const name = document.createElement("span");
        name.textContent = titleOf(id);
        const up = Object.assign(document.createElement("button"), {
          type: "button",
          textContent: "Move up",
          disabled: i === 0,
        });
        up.setAttribute("aria-label", `Move ${titleOf(id)} up`);
        up.dataset.id = id;
        up.addEventListener("click", () => move(i, -1));
        const down = Object.assign(document.createElement("button"), {
          type: "button",
          textContent: "Move down",
          disabled: i === order.length - 1,
        });
        down.setAttribute("aria-label", `Move ${titleOf(id)} down`);
        down.addEventListener("click", () => move(i, 1));
        li.append(name, " ");
        if (givePoints.checked) li.append(pointsInput(id), " ");
        li.append(up, " ", down);
        return li;
      }),
    );
    q<HTMLElement>("[data-assign-empty]").hidden = order.length > 0;
    renderLink();
    if (focusId) list.querySelector<HTMLButtonElement>(`button[data-id="${CSS.escape(focusId)}"]`)?.focus();
  }

  function renderPreview() {
    const text = instructions.value.trim();
    preview.hidden = text === "";
    const rendered = renderInstructions(text);
    // Safe by construction: renderInstructions escapes every character before writing its few tags.
    q<HTMLElement>("[data-assign-preview-body]").innerHTML = rendered.html;
    listItems(q<HTMLUListElement>("[data-assign-preview-notices]"), rendered.notices);
  }

  function renderLink() {
    status.textContent = "";
    const built = assignmentFromForm({
      title: q<HTMLInputElement>("#assign-title").value,
      exercises: order,
      instructions: instructions.value,
      due: q<HTMLInputElement>("[data-assign-due]").value,
      ...(givePoints.checked
        ? { points: Object.fromEntries(order.map((id) => [id, points.get(id) ?? String(DEFAULT_POINTS)])) }
        : {}),
      feedback: feedback(),
    });
    // The link is read back as the learner's page reads it, so what is copied is what works.
    const query = built.ok ? assignmentQuery(built.value) : "";
    const read = built.ok ? readAssignment(query, known) : built;
    const problems = order.length === 0 ? [] : read.ok ? [] : read.errors;
    listItems(errors, problems);
    const usable = order.length > 0 && read.ok;
    const url = usable ? new URL(form.dataset.assignmentUrl! + query, location.href).href : "";
    link.value = url;
    copy.disabled = !usable;
    open.hidden = !usable;
    open.href = url;
    const sum = built.ok ? built.value.points?.reduce((a, b) => a + b, 0) : undefined;
    total.hidden = sum === undefined;
    total.textContent = sum === undefined ? "" : `${sum} points in all.`;
  }

  form.addEventListener("change", (event) => {
    const input = event.target as HTMLInputElement;
    if (input.name === "exercise") {
      const at = order.indexOf(input.value);
      if (input.checked && at < 0) order.push(input.value);
      if (!input.checked && at >= 0) order.splice(at, 1);
      renderOrder();
    } else if (input === givePoints) renderOrder();
    else if (input.name === "feedback" || input === q("[data-assign-due]")) renderLink();
  });
  q("#assign-title").addEventListener("input", () => renderLink());
  q("[data-assign-due]").addEventListener("input", () => renderLink());
  instructions.addEventListener("input", () => {
    renderPreview();
    renderLink();
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  copy.addEventListener(
    "click",
    asyncHandler(async () => {
      if (await copyText(link.value)) status.textContent = "Link copied.";
      else {
        link.select();
        status.textContent = "Copy was blocked: the link is selected, press Ctrl+C.";
      }
    }),
  );
  renderPreview();
  renderOrder();
}
