import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signDevelopmentToken } from "@arbetsliv/core";
import type { BrowserContext, Page } from "playwright-core";
import { CHROMIUM, launchBrowser } from "../server/browser";
import { STATS_SCOPES, startGateway, type GatewayChild } from "../server/gateway-child";
import { startStaticServer, stopStaticServer } from "../server/static-server";

jest.setTimeout(150_000);

/**
 * The board reports in a real browser: Debian's Chromium (playwright-core) against the built app,
 * served by the reports' static server, whose /graphql goes to the built gateway as a child process
 * in production mode on the embedded database with the demo data. The token holds only `:stats`
 * scopes, so disclosure control applies. With TEST_DATABASE_URL set the gateway child still runs on
 * the embedded demo database: the demo data is what the 2021 figures come from.
 */
const haveChromium = existsSync(CHROMIUM);
const havePdftotext = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
// CI installs both tools and sets REQUIRE_BROWSER_TOOLS=1: there a missing tool fails instead of skipping.
if (process.env.REQUIRE_BROWSER_TOOLS === "1" && !(haveChromium && havePdftotext))
  throw new Error(`REQUIRE_BROWSER_TOOLS=1 but Chromium (${CHROMIUM}) or pdftotext is missing`);
if (!haveChromium)
  console.warn(`[skipped] reports browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

const SECRET = "reports-test-secret-0123456789-abcdefghijkl";

/** The rendered cells of a table row (row header first), as the reader sees them. */
async function rowText(page: Page, tableId: string, header: string): Promise<string[]> {
  const row = page
    .locator(`#tabell-${tableId} tr`, { has: page.locator(`th[scope=row]`, { hasText: header }) })
    .first();
  const cells = await row.locator("th, td").allInnerTexts();
  return cells.map((c) => c.replace(/\s+/g, " ").trim());
}

async function downloadCsv(page: Page, tableId: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator(`button.csv-button[data-table="${tableId}"]`).click(),
  ]);
  return readFileSync((await download.path())!);
}

/** The payout file's figures for 2021 as the API gives them, and the indicators' months to add up to. */
const PAYOUTS_2021 = `{
  a: assistancePayoutsByPaymentDate(from: "2021-01-01", to: "2021-12-31") { amount payouts days { paymentDate amount payouts } }
  d: donationPayoutsByPaymentDate(from: "2021-01-01", to: "2021-12-31") { amount payouts days { paymentDate fundCode amount payouts } }
  i: assistanceIndicators(from: "2021-01-01", to: "2021-12-31") { grossPaid months { month grossPaid } }
}`;
type Figure = { amount: string | null; payouts: number | null };
interface PayoutAnswers {
  a: Figure & { days: (Figure & { paymentDate: string })[] };
  d: Figure & { days: (Figure & { paymentDate: string; fundCode: string })[] };
  i: { grossPaid: string | null; months: { month: string; grossPaid: string | null }[] };
}
interface PayoutLine {
  date: string;
  line: string;
  code: string;
  payouts: number | null;
  amount: string | null;
}

/** "123.45" kronor (the API's Money) → öre. */
const ore = (kr: string | null) => Math.round(Number(kr) * 100);
const sum = (parts: (number | null)[]) => (parts.includes(null) ? null : parts.reduce<number>((s, p) => s + p!, 0));
const sumKr = (parts: (string | null)[]) =>
  parts.includes(null) ? null : (parts.reduce((s, p) => s + ore(p), 0) / 100).toFixed(2);
const byDateAndCode = (x: PayoutLine, y: PayoutLine) => x.date.localeCompare(y.date) || x.code.localeCompare(y.code);

/** Downloads the payout file and reads it back: "..", decimal comma and all, into the API's terms. */
async function payoutFile(page: Page): Promise<{ header: string; lines: PayoutLine[]; total: Figure }> {
  const text = (await downloadCsv(page, "utbetalningsfil")).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...rest] = text
    .slice(1)
    .split("\r\n")
    .filter((l) => l !== "");
  const count = (v: string) => (v === ".." ? null : Number(v));
  const money = (v: string) => (v === ".." ? null : v.replace(",", "."));
  const last = rest.pop()!.split(";");
  expect(last[0]).toBe("Summa");
  return {
    header,
    lines: rest.map((l) => {
      const [date, line, code, , payouts, amount] = l.split(";");
      return { date, line, code, payouts: count(payouts), amount: money(amount) };
    }),
    total: { payouts: count(last[4]), amount: money(last[5]) },
  };
}

(haveChromium ? describe : describe.skip)("board reports in a real browser (stats-only token, demo data)", () => {
  let gateway: GatewayChild;
  let server: Server;
  let appUrl: string;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let token: string;
  const scratch = mkdtempSync(join(tmpdir(), "arbetsliv-reports-test-"));

  beforeAll(async () => {
    gateway = await startGateway({
      mode: "production",
      env: { AUTH_JWT_SECRET: SECRET, ACCESS_LOG_KEY: "reports-test-access-log-key-0123456789-abcdef" },
    });
    ({ server, url: appUrl } = await startStaticServer({ gatewayUrl: gateway.url }));
    token = await signDevelopmentToken(SECRET, { sub: "board-member", scopes: STATS_SCOPES });
    browser = await launchBrowser();
    context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopStaticServer(server);
    await gateway?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** The gateway's own answer to a query, with the stats-only token unless another is given. */
  async function api(query: string, bearer = token): Promise<Record<string, unknown>> {
    const res = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query }),
    });
    return ((await res.json()) as { data: Record<string, unknown> }).data;
  }

  /** A page with the token in this tab's sessionStorage (as the demo link leaves it). */
  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${appUrl}/#token=${token}`);
    await page.goto(`${appUrl}${path}`);
    (page as Page & { errors?: string[] }).errors = errors;
    return page;
  }

  it("asks for a token first, and shows the 2021 feedback figures after a period is picked", async () => {
    const anonymous = await context.newPage();
    await anonymous.goto(`${appUrl}/synpunkter`);
    await anonymous.getByLabel("Token", { exact: true }).waitFor({ state: "visible" });
    await anonymous.getByLabel("Token", { exact: true }).fill(token);
    await anonymous.getByRole("button", { name: "Använd token" }).click();
    await anonymous.locator("#rapport, .message").first().waitFor();
    await anonymous.close();

    const page = await open("/synpunkter");
    await page.getByLabel("Periodtyp").selectOption("ar");
    await page.getByLabel("År", { exact: true }).fill("2021");
    await page.getByRole("button", { name: "Visa rapport" }).click();
    await page.locator("#rapport").waitFor();
    expect(page.url()).toContain("typ=ar&ar=2021");

    // The seed report: twelve items, nine complaints; "handled in time" (11) is a complement of
    // the one late item, so a stats-only token sees it suppressed ("..", never 0).
    expect(await rowText(page, "synpunkter-nyckeltal", "Inkomna")).toEqual(["Inkomna", "12", "15", "−3"]);
    expect(await rowText(page, "synpunkter-nyckeltal", "Hanterade i tid")).toEqual([
      "Hanterade i tid",
      ".. dolt av röjandekontroll",
      ".. dolt av röjandekontroll",
      ".. dolt av röjandekontroll",
    ]);
    expect((await rowText(page, "synpunkter-per-slag", "Klagomål")).slice(0, 2)).toEqual(["Klagomål", "9"]);
    expect(await rowText(page, "synpunkter-per-kriterium", "Bemötande")).toEqual([
      "Bemötande",
      "0",
      "0",
      "0",
      "0",
      "0",
    ]);
    expect((await rowText(page, "synpunkter-per-verksamhetsomrade", "IFO Försörjningsstöd")).slice(0, 2)).toEqual([
      "IFO Försörjningsstöd",
      "7",
    ]);
    expect(await rowText(page, "synpunkter-aterkoppling", "Fick återkoppling")).toEqual([
      "Fick återkoppling av dem som önskade",
      "8",
    ]);
    await page.locator("#tabell-synpunkter-nyckeltal + *, .table-block .note").first().waitFor({ state: "visible" });
    expect(await page.locator(".disclosure").innerText()).toContain("Ett dolt värde är inte noll");
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);

    // "Logga ut" forgets the token in this tab: the page asks for one again.
    await page.getByRole("button", { name: "Logga ut" }).click();
    await page.getByLabel("Token", { exact: true }).waitFor({ state: "visible" });
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.close();
  });

  it("picks a quarter and a month in the form and shows what the API gives for them and the period before", async () => {
    const shown = (v: number | null) => (v === null ? ".. dolt av röjandekontroll" : String(v));

    const page = await open("/relationsvald");
    await page.getByLabel("Periodtyp").selectOption("kvartal");
    await page.getByLabel("År", { exact: true }).fill("2021");
    await page.getByLabel("Kvartal", { exact: true }).selectOption("4");
    await page.getByRole("button", { name: "Visa rapport" }).click();
    await page.locator("#rapport").waitFor();
    expect(await page.locator(".period-line").innerText()).toContain(
      "oktober–december 2021 (2021-10-01 – 2021-12-31). Jämförs med juli–september 2021 (2021-07-01 – 2021-09-30)",
    );
    const stats = (await api(`{
      q4: placementStatistics(from: "2021-10-01", to: "2021-12-31") { byType { placements } }
      q3: placementStatistics(from: "2021-07-01", to: "2021-09-30") { byType { placements } }
    }`)) as Record<"q4" | "q3", { byType: { placements: number | null }[] }>;
    const rows = await page.locator("#tabell-relationsvald-placeringar-per-typ tbody tr:not(.total)").all();
    expect(rows.length).toBe(stats.q4.byType.length);
    for (const [i, row] of rows.entries()) {
      const cells = (await row.locator("td").allInnerTexts()).map((c) => c.replace(/\s+/g, " ").trim());
      expect(cells.slice(0, 2)).toEqual([shown(stats.q4.byType[i].placements), shown(stats.q3.byType[i].placements)]);
    }

    await page.goto(`${appUrl}/ekonomiskt-bistand`);
    await page.getByLabel("Periodtyp").selectOption("manad");
    await page.getByLabel("Månad", { exact: true }).fill("2021-03");
    await page.getByRole("button", { name: "Visa rapport" }).click();
    await page.locator("#rapport").waitFor();
    const march = (await api(`{ assistanceIndicators(from: "2021-03-01", to: "2021-03-31") { householdsAtEnd } }`)) as {
      assistanceIndicators: { householdsAtEnd: number };
    };
    expect((await rowText(page, "ekonomiskt-bistand-hushall-per-manad", "mars 2021"))[1]).toBe(
      String(march.assistanceIndicators.householdsAtEnd),
    );
    expect(await page.locator(".period-line").innerText()).toContain("Jämförs med februari 2021");
    await page.close();
  });

  it("shows the relationsvåld table of the annual report with its chart, and exports it as CSV", async () => {
    const page = await open("/relationsvald?typ=ar&ar=2021");
    await page.locator("#rapport").waitFor();
    const expected: [string, string, string][] = [
      ["Skyddat boende", "42", "25"],
      ["Intern öppenvård", "19", "20"],
      ["Extern öppenvård", "4", "4"],
      ["Socialt kontrakt", "3", "0"],
    ];
    for (const [type, y2021, y2020] of expected)
      expect((await rowText(page, "relationsvald-placeringar-per-typ", type)).slice(0, 3)).toEqual([
        type,
        y2021,
        y2020,
      ]);
    // 2020's emergency housing (3) is hidden as the complement of family homes (1): "..", never 0.
    expect((await rowText(page, "relationsvald-placeringar-per-typ", "Jourboende")).slice(1, 3)).toEqual([
      "7",
      ".. dolt av röjandekontroll",
    ]);
    // A hidden average ("..") is not the same as an average over nothing ("–").
    const lengths = (type: string) => rowText(page, "relationsvald-personer-dygn", type);
    expect((await lengths("Extern öppenvård"))[4]).toBe(".. dolt av röjandekontroll");
    expect((await lengths("Familjehem"))[4]).toBe("–");
    expect((await lengths("Skyddat boende"))[4]).toBe("125,9");

    const chart = page.getByRole("img", { name: /Placeringar per insatstyp, år 2021 jämfört med år 2020/ });
    await chart.waitFor({ state: "visible" });
    expect(await chart.locator("rect[fill]").count()).toBeGreaterThan(5);
    expect(await chart.locator("desc").textContent()).toContain("högst 42 (Skyddat boende)");
    await page.getByRole("img", { name: /Kostnad mot budget per månad/ }).waitFor({ state: "visible" });

    const csv = await downloadCsv(page, "relationsvald-placeringar-per-typ");
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe("Insatstyp;år 2021;år 2020;Förändring");
    expect(lines).toContain("Skyddat boende;42;25;17");
    expect(lines).toContain("Intern öppenvård;19;20;-1");
    expect(lines.find((l) => l.startsWith("Totalt;"))).toBe("Totalt;75;53;22");

    const costs = (await downloadCsv(page, "relationsvald-kostnad-mot-budget")).toString("utf8");
    expect(costs).toContain("\r\nTotalt;9802000,00;17515160,00;-7713160,00\r\n");
    await page.close();
  });

  it("shows the donation, IOP and assistance figures of 2021", async () => {
    const donations = await open("/donationsfonder?typ=ar&ar=2021");
    await donations.locator("#rapport").waitFor();
    expect((await rowText(donations, "donationsfonder-nyckeltal", "Totalt utdelat"))[1]).toBe("469 718");
    expect((await rowText(donations, "donationsfonder-omgangar", "Utdelning 2021 vår"))[4]).toBe("348");
    expect((await rowText(donations, "donationsfonder-omgangar", "Utdelning 2021 höst"))[4]).toBe("381");
    await donations.close();

    const iop = await open("/iop?typ=ar&ar=2021");
    await iop.locator("#rapport").waitFor();
    expect((await rowText(iop, "iop-partnerskap", "I kraft periodens sista dag"))[1]).toBe("7");
    await iop.close();

    const assistance = await open("/ekonomiskt-bistand?typ=ar&ar=2021");
    await assistance.locator("#rapport").waitFor();
    const row = (h: string) => rowText(assistance, "ekonomiskt-bistand-indikatorer", h);
    expect((await row("Hushåll med försörjningsstöd periodens sista"))[1]).toBe("719");
    expect((await row("Genomsnittligt antal hushåll"))[1]).toBe("736");
    expect((await row("Personer som växlat bidrag mot lön"))[1]).toBe("53");
    const costs = (h: string) => rowText(assistance, "ekonomiskt-bistand-kostnader", h);
    expect((await costs("Växla bidrag mot lön: bistånd som inte betalats ut"))[1]).toBe("2 940 042 kr");
    expect((await costs("Växla bidrag mot lön: personalkostnad"))[1]).toBe("2 725 289 kr");
    expect((await costs("Budget"))[1]).toBe("55 500 000 kr");
    await assistance.close();

    // The children's share needs the municipality's children (an input): 414 of 23 000 are in assisted households.
    const share = await open("/ekonomiskt-bistand?typ=ar&ar=2021&barn=23000");
    await share.locator("#rapport").waitFor();
    expect((await rowText(share, "ekonomiskt-bistand-indikatorer", "Barn 0–17 år"))[1]).toBe("414");
    expect(await share.locator("#rapport").innerText()).toContain(
      "Andel barn i kommunen som inte bor i hushåll med försörjningsstöd: 98,2 %.",
    );
    await share.goto(`${appUrl}/ekonomiskt-bistand?typ=ar&ar=2021&barn=m%C3%A5nga`);
    expect(await share.getByRole("alert").innerText()).toContain("Antal barn i kommunen ska vara ett heltal");
    await share.close();
  });

  it("exports the payout file by payment date, and the page as a PDF whose text has the figures", async () => {
    const page = await open("/?typ=ar&ar=2021");
    await page.locator("#rapport").waitFor();
    const csv = await payoutFile(page);
    expect(csv.header).toBe("Betalningsdag;Verksamhet;Kod;Specifikation;Antal utbetalningar;Belopp (kr)");
    const api2021 = (await api(PAYOUTS_2021)) as unknown as PayoutAnswers;
    // Line for line the API's figures: försörjningsstöd per payment date, donations per day paid and fund.
    expect(csv.lines.filter((l) => l.line === "Ekonomiskt bistånd")).toEqual(
      api2021.a.days.map((d) => ({
        date: d.paymentDate,
        line: "Ekonomiskt bistånd",
        code: "FS",
        payouts: d.payouts,
        amount: d.amount,
      })),
    );
    expect(csv.lines.filter((l) => l.line === "Donationsfonder").sort(byDateAndCode)).toEqual(
      api2021.d.days
        .map((d) => ({
          date: d.paymentDate,
          line: "Donationsfonder",
          code: d.fundCode,
          payouts: d.payouts,
          amount: d.amount,
        }))
        .sort(byDateAndCode),
    );
    expect(csv.lines.length).toBeGreaterThan(24); // more than one line a month: days, not months
    const dates = csv.lines.map((l) => l.date);
    expect(dates).toEqual([...dates].sort());
    const donations = csv.lines.filter((l) => l.line === "Donationsfonder");
    expect(donations.every((l) => l.amount !== null)).toBe(true);
    expect(donations.reduce((s, l) => s + ore(l.amount), 0)).toBe(46_971_800);
    expect(csv.total).toEqual({
      payouts: sum([api2021.a.payouts, api2021.d.payouts]),
      amount: sumKr([api2021.a.amount, api2021.d.amount]),
    });
    // Days with few households (the corrections' days) are "..", never alone in their month, whose
    // sum the indicators publish; the exact token's file below adds every month up.
    const hidden = csv.lines.filter((l) => l.line === "Ekonomiskt bistånd" && l.amount === null);
    expect(hidden.length).toBeGreaterThan(0);
    for (const h of hidden)
      expect(hidden.filter((o) => o.date.slice(0, 7) === h.date.slice(0, 7)).length).toBeGreaterThanOrEqual(2);
    expect(await page.locator("#rapport").innerText()).toContain("uppgiften visas inte (röjandekontroll)");

    // A budget the API gives as null (ekonomiskt bistånd has none for 2020) is "–", not 0 kr or hidden.
    expect(await rowText(page, "oversikt-nyckeltal", "Ekonomiskt bistånd: budget (kr)")).toEqual([
      "Ekonomiskt bistånd: budget (kr)",
      "55 500 000",
      "–",
      "–",
    ]);
    // placementCostReport.budget is Money! (non-null): a year without a relationsvåld budget comes as 0, shown as given.
    expect((await rowText(page, "oversikt-nyckeltal", "Relationsvåld: budget (kr)")).slice(1, 3)).toEqual([
      "9 802 000",
      "0",
    ]);

    if (!havePdftotext)
      return console.warn("[skipped] PDF text check: no pdftotext (apt-get install -y poppler-utils)");
    const rv = await open("/relationsvald?typ=ar&ar=2021");
    await rv.locator("#rapport").waitFor();
    const pdf = join(scratch, "relationsvald.pdf");
    writeFileSync(pdf, await rv.pdf({ format: "A4", printBackground: true }));
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("Relationsvåld – placeringar och kostnader");
    expect(text).toMatch(/Skyddat boende\s+42\s+25\s+17/);
    expect(text).toMatch(/Totalt\s+75\s+53\s+22/);
    expect(text).not.toContain("Visa rapport");
    expect(text).not.toContain("Ladda ned CSV");
    await rv.close();
    await page.close();
  });

  it("can be used with the keyboard alone", async () => {
    const page = await open("/?typ=ar&ar=2021");
    await page.locator("#rapport").waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Hoppa till innehållet");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe("none");
    // Through the menu to "Relationsvåld" and open it.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.textContent)) === "Relationsvåld") break;
    }
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/relationsvald\?typ=ar&ar=2021$/);
    await page.locator("#rapport").waitFor();
    // To the year field, type another year, submit with Enter.
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.id)) !== "ar"; i++)
      await page.keyboard.press("Tab");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("2020");
    await page.keyboard.press("Enter");
    await page.waitForURL(/ar=2020/);
    await page.locator("#rapport").waitFor();
    expect((await rowText(page, "relationsvald-placeringar-per-typ", "Skyddat boende"))[1]).toBe("25");
    // Every CSV button and the print button are reachable by Tab.
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const tag = await page.evaluate(() => document.activeElement?.className ?? "");
      reached.add(tag);
    }
    expect(reached).toContain("print-button");
    expect(reached).toContain("csv-button");
    await page.close();
  });

  it("has no serious or critical accessibility violations (axe-core) on any page", async () => {
    const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    const pages: [string, string][] = [
      ...["/", "/synpunkter", "/relationsvald", "/donationsfonder", "/iop", "/ekonomiskt-bistand"].map(
        (p): [string, string] => [`${p}?typ=ar&ar=2021`, "#rapport"],
      ),
      // The error state too: a reversed period's message and the marked field.
      ["/synpunkter?typ=intervall&fran=2021-12-01&till=2021-01-31", "[role=alert]"],
    ];
    for (const [path, ready] of pages) {
      const page = await open(path);
      await page.locator(ready).waitFor();
      // Evaluated over the DevTools protocol: the page's CSP (script-src 'self') refuses inline scripts.
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
          }
        ).axe;
        const result = await axe.run();
        return result.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
      expect({ path, violations }).toEqual({ path, violations: [] });
      await page.close();
    }
  });

  it("gives the secretariat's exact token a payout file whose days add up to every month of assistanceIndicators", async () => {
    const exact = await signDevelopmentToken(SECRET, {
      sub: "board-secretary",
      scopes: ["ekonomiskt-bistand:stats:exact", "donationsfonder:stats:exact"],
    });
    const page = await context.newPage();
    await page.goto(`${appUrl}/#token=${exact}`);
    await page.goto(`${appUrl}/?typ=ar&ar=2021`);
    await page.locator("#rapport").waitFor();
    const csv = await payoutFile(page);
    const answers = (await api(PAYOUTS_2021, exact)) as unknown as PayoutAnswers;
    expect(csv.lines.every((l) => l.amount !== null && l.payouts !== null)).toBe(true);
    expect(answers.i.months).toHaveLength(12);
    for (const m of answers.i.months) {
      const days = csv.lines.filter((l) => l.line === "Ekonomiskt bistånd" && l.date.startsWith(m.month));
      expect({ month: m.month, paid: days.reduce((s, d) => s + ore(d.amount), 0) }).toEqual({
        month: m.month,
        paid: ore(m.grossPaid),
      });
    }
    expect(csv.total.amount).toBe(sumKr([answers.a.amount, answers.d.amount]));
    expect(ore(answers.a.amount)).toBe(ore(answers.i.grossPaid));
    await page.close();
  });

  it("shows every 2021 figure of the seed report to the secretariat's exact token (:stats:exact)", async () => {
    const exact = await signDevelopmentToken(SECRET, {
      sub: "board-secretary",
      scopes: ["synpunkter:stats:exact", "relationsvald:stats:exact"],
    });
    const page = await context.newPage();
    await page.goto(`${appUrl}/#token=${exact}`);
    await page.goto(`${appUrl}/synpunkter?typ=ar&ar=2021`);
    await page.locator("#rapport").waitFor();
    expect(await page.locator(".disclosure").count()).toBe(0);
    expect((await rowText(page, "synpunkter-nyckeltal", "Hanterade i tid"))[1]).toBe("11");
    expect((await rowText(page, "synpunkter-nyckeltal", "Hanterade för sent"))[1]).toBe("1");
    expect(await rowText(page, "synpunkter-per-kriterium", "Tjänster")).toEqual(["Tjänster", "0", "1", "1", "9", "11"]);
    expect(await rowText(page, "synpunkter-per-kriterium", "Fysisk miljö")).toEqual([
      "Fysisk miljö",
      "0",
      "0",
      "1",
      "0",
      "1",
    ]);
    expect((await rowText(page, "synpunkter-aterkoppling", "Dubbletter"))[1]).toBe("1");

    await page.goto(`${appUrl}/relationsvald?typ=ar&ar=2021`);
    await page.locator("#rapport").waitFor();
    expect((await rowText(page, "relationsvald-placeringar-per-typ", "Jourboende")).slice(1, 3)).toEqual(["7", "3"]);
    expect((await rowText(page, "relationsvald-placeringar-per-typ", "Familjehem")).slice(1, 3)).toEqual(["0", "1"]);
    await page.close();
  });

  it("explains bad periods in Swedish instead of showing an empty page", async () => {
    const reversed = await open("/synpunkter?typ=intervall&fran=2021-12-01&till=2021-01-31");
    const alert = reversed.getByRole("alert");
    expect(await alert.innerText()).toContain(
      "Perioden är omvänd: slutdatumet 2021-01-31 ligger före startdatumet 2021-12-01",
    );
    expect(await reversed.locator("#till").getAttribute("aria-invalid")).toBe("true");
    expect(await reversed.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("alert");
    await reversed.close();

    const partMonths = await open("/synpunkter?typ=intervall&fran=2021-01-05&till=2021-02-03");
    expect(await partMonths.getByRole("alert").innerText()).toContain("Perioden måste vara hela månader");
    await partMonths.close();

    const beforeData = await open("/relationsvald?typ=ar&ar=1990");
    expect(await beforeData.getByRole("status").filter({ hasText: "Inga uppgifter" }).innerText()).toContain(
      "Det finns inga registrerade uppgifter för år 1990",
    );
    await beforeData.close();

    const badYear = await open("/iop?typ=ar&ar=tjugo");
    expect(await badYear.getByRole("alert").innerText()).toContain("Ange ett år mellan 1900 och 2199");
    await badYear.close();
  });
});
