import "./styles.css";
import { currentToken, explain, setToken } from "./api";
import { renderChart } from "./chart";
import { h } from "./dom";
import { defaultParams, FIRST_YEAR, LAST_YEAR, resolvePeriod, type PeriodError, type ResolvedPeriod } from "./period";
import { periodSlug, type PageDef, type PageResult } from "./report";
import { downloadCsv, renderTable, toCsv } from "./table";
import { donationsfonder } from "./pages/donationsfonder";
import { ekonomisktBistand } from "./pages/ekonomiskt-bistand";
import { iop } from "./pages/iop";
import { oversikt } from "./pages/oversikt";
import { relationsvald } from "./pages/relationsvald";
import { synpunkter } from "./pages/synpunkter";

const PAGES: PageDef[] = [oversikt, synpunkter, relationsvald, donationsfonder, iop, ekonomisktBistand];
const APP_NAME = "Arbetslivsnämndens rapporter";

function currentPage(): PageDef | null {
  const path = location.pathname.replace(/\/+$/, "") || "/";
  return PAGES.find((p) => p.path === path) ?? null;
}

function shell(page: PageDef | null, search: string): { main: HTMLElement } {
  const nav = h(
    "nav",
    { "aria-label": "Rapporter" },
    h(
      "ul",
      {},
      ...PAGES.map((p) =>
        h("li", {}, h("a", { href: p.path + search, "aria-current": p === page ? "page" : undefined }, p.navLabel)),
      ),
    ),
  );
  const main = h("main", { id: "innehall", tabindex: "-1" });
  const logout = currentToken() ? h("button", { type: "button", class: "logout" }, "Logga ut") : null;
  logout?.addEventListener("click", () => {
    setToken(null);
    location.reload();
  });
  document.body.replaceChildren(
    h("a", { href: "#innehall", class: "skip-link" }, "Hoppa till innehållet"),
    h("header", { class: "site-header" }, h("p", { class: "app-name" }, APP_NAME), nav, logout),
    main,
    h(
      "footer",
      { class: "site-footer" },
      h("p", {}, "Uppgifterna hämtas från plattformens API med din statistikbehörighet. Inga personuppgifter visas."),
    ),
  );
  return { main };
}

function periodForm(page: PageDef, params: URLSearchParams, error: PeriodError | null): HTMLElement {
  const kind = params.get("typ") ?? "ar";
  const field = (id: string, label: string, input: HTMLElement, hint?: string) => {
    if (error?.field === id) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", "periodfel");
    } else if (hint) input.setAttribute("aria-describedby", `${id}-hint`);
    return h(
      "div",
      { class: "field", "data-for": id },
      h("label", { for: id }, label),
      hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null,
      input,
    );
  };
  const value = (name: string) => params.get(name) ?? "";
  const year = new Date().getFullYear() - 1;
  const typeSelect = h(
    "select",
    { id: "typ", name: "typ" },
    ...[
      ["ar", "År"],
      ["kvartal", "Kvartal"],
      ["manad", "Månad"],
      ["intervall", "Fritt intervall"],
    ].map(([v, l]) => h("option", { value: v, selected: v === kind }, l)),
  );
  const quarter = h(
    "select",
    { id: "kvartal", name: "kvartal" },
    ...[1, 2, 3, 4].map((q) =>
      h("option", { value: String(q), selected: value("kvartal") === String(q) }, `Kvartal ${q}`),
    ),
  );
  const form = h(
    "form",
    { method: "get", action: page.path, class: "period-form", "aria-labelledby": "periodrubrik" },
    h("h2", { id: "periodrubrik" }, "Välj period"),
    h(
      "div",
      { class: "fields" },
      field("typ", "Periodtyp", typeSelect),
      field(
        "ar",
        "År",
        h("input", {
          id: "ar",
          name: "ar",
          inputmode: "numeric",
          autocomplete: "off",
          value: value("ar") || String(year),
          size: "6",
        }),
        `${FIRST_YEAR}–${LAST_YEAR}`,
      ),
      field("kvartal", "Kvartal", quarter),
      field(
        "manad",
        "Månad",
        h("input", { id: "manad", name: "manad", value: value("manad") || `${year}-01`, size: "8" }),
        "ÅÅÅÅ-MM",
      ),
      field(
        "fran",
        "Från och med",
        h("input", {
          id: "fran",
          name: "fran",
          inputmode: "numeric",
          autocomplete: "off",
          size: "11",
          value: value("fran"),
        }),
        "ÅÅÅÅ-MM-DD",
      ),
      field(
        "till",
        "Till och med",
        h("input", {
          id: "till",
          name: "till",
          inputmode: "numeric",
          autocomplete: "off",
          size: "11",
          value: value("till"),
        }),
        "ÅÅÅÅ-MM-DD",
      ),
      ...(page.extraFields ?? []).map((x) =>
        field(
          x.name,
          x.label,
          h("input", { id: x.name, name: x.name, inputmode: x.inputmode, value: value(x.name) }),
          x.hint,
        ),
      ),
    ),
    h("button", { type: "submit", class: "primary" }, "Visa rapport"),
  );
  // Only the fields the chosen period type uses are shown (and sent).
  const sync = () => {
    const t = typeSelect.value;
    const used: Record<string, string[]> = {
      ar: ["ar"],
      kvartal: ["ar", "kvartal"],
      manad: ["manad"],
      intervall: ["fran", "till"],
    };
    for (const el of form.querySelectorAll<HTMLElement>(".field[data-for]")) {
      const id = el.dataset.for!;
      if (["ar", "kvartal", "manad", "fran", "till"].includes(id)) {
        const on = used[t].includes(id);
        el.hidden = !on;
        el.querySelector<HTMLInputElement | HTMLSelectElement>("input, select")!.disabled = !on;
      }
    }
  };
  typeSelect.addEventListener("change", sync);
  sync();
  return form;
}

function tokenForm(): HTMLElement {
  const input = h("textarea", { id: "token", name: "token", rows: "3", autocomplete: "off", spellcheck: "false" });
  const form = h(
    "form",
    { class: "token-form", "aria-labelledby": "tokenrubrik" },
    h("h2", { id: "tokenrubrik" }, "Logga in med token"),
    h(
      "p",
      { class: "hint", id: "token-hint" },
      "Klistra in din token (JWT) med statistikbehörighet (…:stats). Den sparas bara i den här fliken.",
    ),
    h("label", { for: "token" }, "Token"),
    input,
    h("button", { type: "submit", class: "primary" }, "Använd token"),
  );
  input.setAttribute("aria-describedby", "token-hint");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    setToken(input.value.trim() || null);
    location.reload();
  });
  return form;
}

function messageBox(title: string, text: string, kind: "error" | "info"): HTMLElement {
  return h(
    "div",
    {
      class: `message ${kind}`,
      role: kind === "error" ? "alert" : "status",
      tabindex: "-1",
      id: kind === "error" ? "periodfel" : undefined,
    },
    h("h2", {}, title),
    h("p", {}, text),
  );
}

function renderResult(main: HTMLElement, page: PageDef, period: ResolvedPeriod, result: PageResult): void {
  const slug = periodSlug(period);
  const parts: HTMLElement[] = [
    h(
      "div",
      { class: "result-head" },
      h(
        "p",
        { class: "period-line" },
        `Period: ${period.current.label} (${period.current.from} – ${period.current.to}). Jämförs med ${period.previous.label} (${period.previous.from} – ${period.previous.to}).`,
      ),
      h("button", { type: "button", class: "print-button", id: "skriv-ut" }, "Skriv ut / Spara som PDF"),
    ),
  ];
  for (const note of result.notes ?? []) parts.push(h("p", { class: "note" }, note));
  if (result.minimumCount !== null)
    parts.push(
      h(
        "p",
        { class: "note disclosure" },
        `Röjandekontroll: antal under ${result.minimumCount} visas som ”..”, liksom celler som skulle avslöja dem. Ett dolt värde är inte noll.`,
      ),
    );
  if (result.empty) {
    parts.push(
      messageBox(
        "Inga uppgifter för perioden",
        `Det finns inga registrerade uppgifter för ${period.current.label}. Perioden ligger kanske före de första uppgifterna eller efter de senaste – välj en annan period.`,
        "info",
      ),
    );
  } else {
    for (const section of result.sections) {
      const csvButton = h(
        "button",
        { type: "button", class: "csv-button", "data-table": section.table.id },
        `Ladda ned CSV`,
        h("span", { class: "visually-hidden" }, `: ${section.table.caption}`),
      );
      csvButton.addEventListener("click", () => downloadCsv(`${section.table.id}_${slug}.csv`, toCsv(section.table)));
      parts.push(
        h(
          "section",
          { "aria-labelledby": `rubrik-${section.table.id}`, class: "report-section" },
          h("h2", { id: `rubrik-${section.table.id}` }, section.heading),
          section.intro ? h("p", {}, section.intro) : null,
          h(
            "div",
            // Wide tables get the whole width, with their chart below.
            { class: section.chart ? (section.table.columns.length <= 3 ? "pair" : "stacked") : "single" },
            renderTable(section.table, result.minimumCount),
            section.chart ? renderChart(section.chart) : null,
          ),
          csvButton,
        ),
      );
    }
  }
  const region = h("div", { id: "rapport" }, ...parts);
  main.querySelector("#laddar")?.remove();
  main.append(region);
  region.querySelector("#skriv-ut")!.addEventListener("click", () => window.print());
  main.setAttribute("aria-busy", "false");
  document.getElementById("status")!.textContent = `Rapporten för ${period.current.label} är hämtad.`;
}

async function start(): Promise<void> {
  const page = currentPage();
  const params = new URLSearchParams(location.search);
  const search = params.size ? `?${params}` : "";
  const { main } = shell(page, search);
  if (!page) {
    document.title = `Sidan finns inte – ${APP_NAME}`;
    main.append(h("h1", {}, "Sidan finns inte"), h("p", {}, "Välj en rapport i menyn."));
    return;
  }
  document.title = `${page.title} – ${APP_NAME}`;
  const effective = params.has("typ") ? params : defaultParams();
  const resolved = resolvePeriod(effective);
  const periodError = "message" in resolved ? resolved : null;
  main.append(
    h("h1", {}, page.title),
    h("p", { class: "question" }, page.question),
    periodForm(page, effective, periodError),
    h("p", { id: "status", class: "visually-hidden", role: "status" }),
  );
  if (!currentToken()) {
    main.append(tokenForm());
    return;
  }
  if (periodError) {
    const box = messageBox("Perioden kan inte visas", periodError.message, "error");
    main.append(box);
    box.focus();
    return;
  }
  const period = resolved as ResolvedPeriod;
  main.setAttribute("aria-busy", "true");
  main.append(h("p", { id: "laddar", class: "loading" }, `Hämtar rapporten för ${period.current.label} …`));
  try {
    renderResult(main, page, period, await page.load(period, effective));
  } catch (error) {
    main.querySelector("#laddar")?.remove();
    main.setAttribute("aria-busy", "false");
    const { title, text, needsToken } = explain(error);
    const box = messageBox(title, text, "error");
    main.append(box);
    if (needsToken) main.append(tokenForm());
    box.focus();
  }
}

void start();
