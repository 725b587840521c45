import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { GatewayProcess } from "./process-gateway";

jest.setTimeout(180_000);

/**
 * GraphiQL in a real browser (Debian's Chromium driven by playwright-core) against the built
 * gateway in development mode: the Authorization header a developer pastes survives a reload
 * and is sent with the next query. Skips, saying so, where Chromium is not installed
 * (`apt-get install -y chromium`; CHROMIUM_PATH overrides the path).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
// CI installs Chromium and sets REQUIRE_BROWSER_TOOLS=1: there a missing browser fails instead of skipping.
if (process.env.REQUIRE_BROWSER_TOOLS === "1" && !haveChromium)
  throw new Error(`REQUIRE_BROWSER_TOOLS=1 but there is no Chromium at ${CHROMIUM}`);
if (!haveChromium)
  console.warn(`[skipped] GraphiQL browser test: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

/** The text of the headers editor (CodeMirror keeps its instance on its wrapper element). */
async function headersEditorText(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Headers" }).click();
  const editor = page.locator(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror");
  await editor.waitFor();
  return editor.evaluate((el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
}

(haveChromium ? describe : describe.skip)("GraphiQL in a real browser", () => {
  let gw: GatewayProcess;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    gw = await GatewayProcess.start({ mode: "development" });
    profile = mkdtempSync(join(tmpdir(), "arbetsliv-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });
  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await gw?.stop();
  });

  it("keeps the Authorization header across a reload and sends it with the next query", async () => {
    const token = await gw.token(["synpunkter:stats"], "graphiql-user");
    const headers = JSON.stringify({ Authorization: `Bearer ${token}` });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`${gw.url}/graphql`);

    // Type the header as a developer pastes it: select what is there, insert the text.
    await headersEditorText(page);
    await page.locator(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(headers);
    expect(await headersEditorText(page)).toBe(headers);
    // GraphiQL stores editor contents after a 500 ms debounce.
    const stored = (expected: string) => {
      const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage;
      return (storage.getItem("graphiql:tabState") ?? "").includes(JSON.stringify(expected).slice(1, -1));
    };
    await page.waitForFunction(stored, headers);

    await page.reload();
    expect(await headersEditorText(page)).toBe(headers);

    // The default query (feedback statistics) runs with the kept header: data, not UNAUTHENTICATED.
    const answer = page.waitForResponse(
      (r) =>
        r.url().endsWith("/graphql") &&
        r.request().method() === "POST" &&
        (r.request().postData() ?? "").includes("feedbackStatistics"),
    );
    await page.getByRole("button", { name: /execute query/i }).click();
    const response = await answer;
    expect(response.request().headers()["authorization"]).toBe(`Bearer ${token}`);
    const body = (await response.json()) as {
      data?: { feedbackStatistics?: object | null };
      errors?: unknown[];
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.feedbackStatistics).toHaveProperty("byBusinessArea");
    expect(pageErrors).toEqual([]);
  });

  it("runs a subscription over graphql-ws with the pasted token and shows the event a change makes", async () => {
    const token = await gw.token(["synpunkter:events"], "graphiql-subscriber");
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`${gw.url}/graphql`);
    await headersEditorText(page);
    await page.locator(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));
    await page.locator(".graphiql-query-editor .CodeMirror").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("subscription { events { id type subject } }");
    const queryText = await page
      .locator(".graphiql-query-editor .CodeMirror")
      .evaluate((el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    expect(queryText).toBe("subscription { events { id type subject } }");
    const socket = page.waitForEvent("websocket", (ws) => ws.url().endsWith("/graphql"));
    const subscribed = socket.then(
      (ws) =>
        new Promise<void>((resolve) =>
          ws.on("framesent", (f) => String(f.payload).includes('"subscribe"') && resolve()),
        ),
    );
    await page.getByRole("button", { name: /execute query/i }).click();
    await subscribed;

    // A change made elsewhere (an e-service registering feedback) reaches the open subscription.
    const writer = await gw.token(["synpunkter:write"], "e-service");
    const created = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${writer}` },
      body: JSON.stringify({
        query: `mutation { registerFeedback(input: { kind: PRAISE, criterion: INFORMATION, businessAreaId: "1", channel: E_SERVICE, description: "Bra bemötande", wantsReply: false }) { id } }`,
      }),
    }).then((r) => r.json() as Promise<{ data: { registerFeedback: { id: string } } }>);
    const subject = `FeedbackItem/${created.data.registerFeedback.id}`;
    const shown = (text: string) =>
      (
        (
          globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }
        ).document.querySelector(".graphiql-response")?.textContent ?? ""
      ).includes(text);
    await page.waitForFunction(shown, subject, { timeout: 30_000 });
    expect(await page.evaluate(shown, "se.arbetsliv.synpunkter.feedback.received.v1")).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
