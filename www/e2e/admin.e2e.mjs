// Administrators' emergency settings end to end (E7, issue 15), on the demo CRM's admin page
// (dist/demo/admin.html, the <agent-dialer-settings> element over the mock host, whose
// settings.save writes the CRM's store) and its agent workspace (dist/index.html, which takes
// saved settings up with dialer.setConfig):
// - an administrator edits an agent's recipients and template and saves; the agent's dialer,
//   updated through setConfig, emails the new recipients with the new template;
// - a refused save keeps the edits and says why; a reload keeps unsaved edits; leaving asks;
// - a save that never answers times out clearly;
// - an agent without the permission cannot reach the form by keyboard or in the accessibility
//   tree; with it, the pane's edits save through the host;
// - the surface through the iframe bridge; axe in every state; the six locales.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { serve, launch, hostLog, ROOT, ARTIFACTS } from "./harness.mjs";

const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");
let site, frameSite, browser;
before(async () => {
  [site, frameSite] = await Promise.all([serve(), serve()]);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all([site?.close(), frameSite?.close()]);
});

const STORE = "acme-crm:emergency-settings";

/** A fresh browser profile (its own localStorage), as one administrator's and agent's machine. */
const profile = () => browser.newContext({ viewport: { width: 1200, height: 1000 }, bypassCSP: true });

/** A page of `context` that records uncaught errors, CSP violations and panics. */
async function pageIn(context) {
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|panicked|RuntimeError|unreachable/i.test(m.text())) page.errors.push(`console: ${m.text()}`);
  });
  return page;
}

/** The admin page in `context`, once the settings surface is mounted. */
async function openAdmin(context, query = "") {
  const admin = await pageIn(context);
  await admin.goto(`${site.url}/demo/admin.html${query}`);
  await admin.waitForSelector("html[data-settings-ready=true]");
  await admin.waitForSelector("[data-test=settings]");
  return admin;
}

/** The agent workspace in `context`, once the dialer is mounted. */
async function openAgent(context, query = "") {
  const page = await pageIn(context);
  await page.goto(`${site.url}/${query}`);
  await page.waitForSelector("html[data-dialer-ready=true]");
  await page.waitForSelector("[data-test=dialer]");
  return page;
}

/** axe-core on `selector`: no violations. */
async function axe(page, state, selector = ".agent-dialer") {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((s) => window.axe.run(document.querySelector(s), { resultTypes: ["violations"] }), selector);
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  assert.deepEqual(summary, [], `axe violations in the ${state} state`);
}

/** Presses Tab until `data-test=test` has focus (keyboard only). */
async function tabTo(page, testId, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((t) => document.activeElement?.dataset?.test === t, testId)) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`could not reach [data-test=${testId}] with Tab`);
}

/** Types into a field the way a person does: focus by keyboard, select all, type. */
async function retype(page, testId, text) {
  await tabTo(page, testId);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

const storeOf = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null"), STORE);
const valueOf = (page, testId) => page.inputValue(`[data-test=${testId}]`);

async function shot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `ui-${name}.png`);
  await page.locator("[data-test=settings-surface]").screenshot({ path });
  if (process.env.UPDATE_SCREENSHOTS === "1") await copyFile(path, join(ROOT, "docs/screenshots", `${name}.png`));
}

test("an administrator saves new recipients and template; the agent's next emergency email uses them", async () => {
  const context = await profile();
  const agent = await openAgent(context);
  const admin = await openAdmin(context, "?agent=agent-7");
  await axe(admin, "admin settings");
  assert.equal(await valueOf(admin, "recipients"), "safety@acme.example; facilities@acme.example");

  await retype(admin, "recipients", "ops@acme.example; Jane Doe <jane@acme.example>");
  await retype(admin, "template-subject", "EMERGENCY: {agent_name} dialed {number} ({region})");
  await admin.waitForSelector("[data-test=settings-dirty]");
  assert.equal(await admin.textContent("[data-test=preview-to]"), "To: ops@acme.example, jane@acme.example");
  assert.equal(await admin.textContent("[data-test=preview-subject]"), "EMERGENCY: Alex Agent dialed 911 (US)");
  await shot(admin, "settings");
  await tabTo(admin, "settings-save");
  await admin.keyboard.press("Enter");
  await admin.waitForSelector("[data-test=settings-status]:has-text('Saved.')");
  assert.equal(await admin.getAttribute("[data-test=settings-status]", "role"), "status", "the result is announced");
  await axe(admin, "saved");
  const [save] = await hostLog(admin, "settings.save");
  assert.deepEqual(save.args[0], {
    agentId: "agent-7",
    recipients: "ops@acme.example; Jane Doe <jane@acme.example>",
    template: { subject: "EMERGENCY: {agent_name} dialed {number} ({region})", body: save.args[0].template.body },
  });
  const store = await storeOf(admin);
  assert.equal(store.recipients["agent-7"], "ops@acme.example; Jane Doe <jane@acme.example>");
  assert.equal(await admin.locator("[data-test=settings-dirty]").count(), 0, "nothing unsaved");

  // The agent's workspace got the CRM's change and handed it to dialer.setConfig.
  await agent.waitForFunction(() => [...document.querySelectorAll("#log code")].some((c) => c.textContent.includes("dialer.setConfig")));
  await agent.click("[data-test=readiness-toggle]");
  assert.equal(await agent.textContent("[data-test=contacts-readonly]"), "Emailed about your emergency calls: ops@acme.example, jane@acme.example");
  await agent.fill("[data-test=number]", "911");
  await agent.press("[data-test=number]", "Enter");
  await agent.waitForSelector("[data-test=emergency-banner]");
  await agent.waitForFunction(() => window.demoHost.sim.log.some((e) => e.binding === "notification.sendEmail"));
  const [email] = await hostLog(agent, "notification.sendEmail");
  assert.deepEqual(email.args[0].to, ["ops@acme.example", "jane@acme.example"]);
  assert.equal(email.args[0].subject, "EMERGENCY: Alex Agent dialed 911 (US)");
  await agent.click("[data-test=end-call]");

  // A workspace opened later starts with the saved settings too.
  const later = await openAgent(context);
  await later.fill("[data-test=number]", "911");
  await later.press("[data-test=number]", "Enter");
  await later.waitForFunction(() => window.demoHost.sim.log.some((e) => e.binding === "notification.sendEmail"));
  const [again] = await hostLog(later, "notification.sendEmail");
  assert.deepEqual(again.args[0].to, ["ops@acme.example", "jane@acme.example"]);
  for (const p of [agent, admin, later]) assert.deepEqual(p.errors, []);
  await context.close();
});

test("a refused save keeps the edits and says why; a reload keeps them; leaving asks first", async () => {
  const context = await profile();
  let admin = await openAdmin(context);
  await admin.selectOption("[data-test=crm-mode]", "reject");
  await retype(admin, "recipients", "night-shift@acme.example");
  await retype(admin, "template-body", "Emergency call by {agent_name}. Call back: {callback_number}");
  await tabTo(admin, "settings-save");
  await admin.keyboard.press("Enter");
  const alert = admin.locator("[data-test=settings-error]");
  await alert.filter({ hasText: "Not saved" }).waitFor();
  assert.equal(await alert.textContent(), "Not saved: settings.save rejected (injected). Your changes are kept here; try again.");
  assert.equal(await alert.getAttribute("role"), "alert");
  assert.equal(await valueOf(admin, "recipients"), "night-shift@acme.example");
  assert.equal(await storeOf(admin), null, "the CRM saved nothing");
  assert.equal(await admin.evaluate(() => window.settings.state().status), "failed");
  await axe(admin, "failed save");

  // A reload asks first (the browser's own prompt: unsaved edits), then shows them again.
  const prompts = [];
  admin.on("dialog", async (d) => { prompts.push(d.type()); await d.accept(); });
  await admin.reload();
  assert.deepEqual(prompts, ["beforeunload"]);
  await admin.waitForSelector("html[data-settings-ready=true]");
  await admin.waitForSelector("[data-test=settings-restored]");
  assert.equal(await valueOf(admin, "recipients"), "night-shift@acme.example");
  assert.equal(await valueOf(admin, "template-body"), "Emergency call by {agent_name}. Call back: {callback_number}");
  // The CRM works again: the kept edits save.
  await admin.selectOption("[data-test=crm-mode]", "");
  await tabTo(admin, "settings-save");
  await admin.keyboard.press("Enter");
  await admin.waitForSelector("[data-test=settings-status]:has-text('Saved.')");
  assert.equal((await storeOf(admin)).recipients["agent-7"], "night-shift@acme.example");
  // Nothing unsaved: the page is left without a prompt.
  await admin.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(prompts, ["beforeunload"], "no second prompt");
  assert.equal(admin.isClosed(), true);

  // Discard brings the saved settings back and forgets the kept draft.
  admin = await openAdmin(context);
  await retype(admin, "recipients", "typo@");
  await admin.waitForSelector("[data-test=recipient-error]");
  await tabTo(admin, "settings-discard");
  await admin.keyboard.press("Enter");
  assert.equal(await valueOf(admin, "recipients"), "night-shift@acme.example");
  await admin.reload();
  await admin.waitForSelector("html[data-settings-ready=true]");
  assert.equal(await valueOf(admin, "recipients"), "night-shift@acme.example");
  assert.equal(await admin.locator("[data-test=settings-restored]").count(), 0);
  // Closing the tab with unsaved edits asks too; staying keeps the page and the edits.
  await retype(admin, "recipients", "almost@acme.example");
  const asked = new Promise((resolve) => admin.once("dialog", async (d) => { resolve(d.type()); await d.dismiss(); }));
  await admin.close({ runBeforeUnload: true });
  assert.equal(await asked, "beforeunload");
  assert.equal(admin.isClosed(), false, "dismissing the prompt stays on the page");
  assert.equal(await valueOf(admin, "recipients"), "almost@acme.example");
  await context.close();
});

test("a save that never answers times out clearly and keeps the edits", async () => {
  const context = await profile();
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(`${site.url}/demo/admin.html`);
  await page.waitForSelector("html[data-settings-ready=true]");
  await page.selectOption("[data-test=crm-mode]", "hang");
  await retype(page, "recipients", "late@acme.example");
  await tabTo(page, "settings-save");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-test=settings-status]:has-text('Saving…')");
  assert.equal(await page.getAttribute("[data-test=settings-save]", "aria-disabled"), "true");
  await page.clock.fastForward(9_000);
  assert.equal(await page.textContent("[data-test=settings-error]"), "", "still waiting at 9 s");
  await page.clock.fastForward(1_500);
  await page.waitForSelector("[data-test=settings-error]:has-text('did not answer')");
  assert.equal(await page.textContent("[data-test=settings-error]"),
    "Not saved: the workspace did not answer within 10 seconds. Your changes are kept here; try again.");
  assert.equal(await valueOf(page, "recipients"), "late@acme.example");
  assert.equal(await page.getAttribute("[data-test=settings-save]", "aria-disabled"), "false", "Save may be pressed again");
  assert.equal(await page.evaluate(() => window.settings.state().status), "timed-out");
  await context.close();
});

/** Every control Tab reaches in the widget, once round. */
async function tabStops(page) {
  const seen = [];
  await page.focus("[data-test=number]");
  for (let i = 0; i < 60; i++) {
    const t = await page.evaluate(() => (document.activeElement?.closest(".agent-dialer") ? document.activeElement.dataset.test ?? document.activeElement.tagName : null));
    if (t && seen.includes(t) && t === seen[0]) break;
    if (t && !seen.includes(t)) seen.push(t);
    await page.keyboard.press("Tab");
  }
  return seen;
}

const SETTINGS_STOPS = ["settings-toggle", "recipients", "template-subject", "template-body", "settings-save"];

test("without the permission an agent cannot reach the settings by keyboard or screen reader", async () => {
  const context = await profile();
  const agent = await openAgent(context);
  await agent.click("[data-test=readiness-toggle]");
  const stops = await tabStops(agent);
  assert.ok(stops.includes("call-button") && stops.includes("readiness-toggle"), `Tab reaches the pane: ${stops}`);
  for (const s of SETTINGS_STOPS) assert.ok(!stops.includes(s), `Tab reaches ${s}: ${stops}`);
  // The accessibility tree (what a screen reader reads), not just what is visible.
  const tree = await agent.locator(".agent-dialer").ariaSnapshot();
  assert.doesNotMatch(tree, /textbox "(Emergency contacts \(email\)|Subject|Message)"/, tree);
  assert.doesNotMatch(tree, /button "(Settings|Save)"/, tree);
  assert.match(tree, /Emailed about your emergency calls: safety@acme\.example, facilities@acme\.example/, tree);
  const ax = await axTree(agent);
  assert.ok(!ax.some((n) => n.role === "textbox" && /Emergency contacts/.test(n.name)), "no contacts field in the AX tree");
  assert.ok(ax.some((n) => /Emailed about your emergency calls/.test(n.name)), "who is told is in the AX tree");
  await axe(agent, "agent pane, no permission");
  await context.close();
});

test("the agent's build (agent-dialer) leaves the editor out: a grant is a clear dialer:error, the pane stays read-only", async () => {
  const context = await profile();
  const agent = await openAgent(context); // the demo page loads the agent's build without ?edit=1
  const errors = await agent.evaluate(() => {
    const seen = [];
    document.querySelector("#dialer").addEventListener("dialer:error", (e) => seen.push(e.detail));
    window.dialer.setConfig({ permissions: { editEmergencySettings: true } });
    return seen;
  });
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.equal(errors[0].binding, "settings.save");
  assert.match(errors[0].message, /agent-dialer\/admin/);
  assert.equal(await agent.locator("[data-test=settings-toggle]").count(), 0, "no settings in the pane");
  await agent.click("[data-test=readiness-toggle]");
  assert.match(await agent.textContent("[data-test=contacts-readonly]"), /safety@acme\.example/, "who is told, read-only");
  // The agent build has no mountSettings: the package entry says where it is.
  const thrown = await agent.evaluate(async () => {
    const { mountSettings } = await import("/pkg/index.js");
    try { mountSettings(); return null; } catch (e) { return e.message; }
  });
  assert.match(thrown, /agent-dialer\/admin/);
  assert.deepEqual(agent.errors, []);
  await context.close();
});

/** Chromium's full accessibility tree (role and name of every node). */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value, name: String(n.name?.value ?? "") }));
}

test("with the permission the agent edits the settings in the pane and they save through the host", async () => {
  const context = await profile();
  const agent = await openAgent(context, "?edit=1");
  const stops = await tabStops(agent);
  assert.ok(stops.includes("settings-toggle"), `Tab reaches the settings: ${stops}`);
  await tabTo(agent, "settings-toggle");
  await agent.keyboard.press("Enter");
  await agent.waitForSelector("[data-test=settings]");
  const tree = await agent.locator(".agent-dialer").ariaSnapshot();
  assert.match(tree, /textbox "Emergency contacts \(email\)"/, tree);
  await axe(agent, "pane settings");
  await retype(agent, "recipients", "desk@acme.example");
  await tabTo(agent, "settings-save");
  await agent.keyboard.press("Enter");
  await agent.waitForSelector("[data-test=settings-status]:has-text('Saved.')");
  assert.equal((await storeOf(agent)).recipients["agent-7"], "desk@acme.example");
  // The dialer uses what the host saved.
  await tabTo(agent, "settings-toggle");
  await agent.keyboard.press("Enter");
  await agent.fill("[data-test=number]", "911");
  await agent.press("[data-test=number]", "Enter");
  await agent.waitForFunction(() => window.demoHost.sim.log.some((e) => e.binding === "notification.sendEmail"));
  const [email] = await hostLog(agent, "notification.sendEmail");
  assert.deepEqual(email.args[0].to, ["desk@acme.example"]);
  assert.deepEqual(agent.errors, []);
  await context.close();
});

test("the settings surface through the iframe bridge saves with the parent's binding", async () => {
  const context = await profile();
  const admin = await pageIn(context);
  await admin.goto(`${site.url}/demo/admin.html?frame=${encodeURIComponent(frameSite.url)}`);
  await admin.waitForSelector("html[data-settings-ready=true]");
  const frame = admin.frameLocator("[data-test=settings-frame]");
  await frame.locator("[data-test=recipients]").fill("framed@acme.example");
  await frame.locator("[data-test=settings-save]").click();
  await frame.locator("[data-test=settings-status]:has-text('Saved.')").waitFor();
  const [save] = await hostLog(admin, "settings.save");
  assert.equal(save.args[0].recipients, "framed@acme.example");
  assert.equal((await storeOf(admin)).recipients["agent-7"], "framed@acme.example", "saved in the parent's CRM");
  const state = await admin.evaluate(() => window.settings.state());
  assert.equal(state.status, "saved");
  assert.equal(state.saved.recipients, "framed@acme.example");
  assert.deepEqual(admin.errors, []);
  await context.close();
});

test("the admin surface in every locale, axe-clean", async () => {
  const context = await profile();
  for (const [locale, save, title] of [
    ["en-GB", "Save", "Emergency settings: Alex Agent"],
    ["da-DK", "Gem", "Nødindstillinger: Alex Agent"],
    ["fr-CA", "Enregistrer", "Paramètres d'urgence : Alex Agent"],
    ["es-PR", "Guardar", "Configuración de emergencia: Alex Agent"],
    ["de-DE", "Speichern", "Notfalleinstellungen: Alex Agent"],
  ]) {
    const admin = await openAdmin(context, `?locale=${locale}`);
    // The locale file is fetched after the form is shown (in English until then).
    await admin.waitForSelector(`[data-test=settings-surface][lang=${locale}]`);
    assert.equal((await admin.textContent("[data-test=settings-save]")).trim(), save, locale);
    assert.equal((await admin.textContent("[data-test=settings] h2")).trim(), title, locale);
    assert.equal(await admin.getAttribute("[data-test=settings-surface]", "lang"), locale);
    await retype(admin, "recipients", "a@acme.example; nope");
    await admin.waitForSelector("[data-test=recipient-error]");
    await tabTo(admin, "settings-save");
    await admin.keyboard.press("Enter");
    assert.notEqual((await admin.textContent("[data-test=settings-error]")).trim(), "", locale);
    await axe(admin, `admin ${locale}`);
    await tabTo(admin, "settings-discard");
    await admin.keyboard.press("Enter");
    await admin.close();
  }
  await context.close();
});
