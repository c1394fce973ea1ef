// Unit tests (node --test) of the fallback dialer's number recognition (www/pkg/fallback.js)
// against the wasm's engine: the same library vectors the Rust engine is tested with
// (tests/data/emergency_vectors.tsv, every line of the supported regions, exact answers), the
// same tables as tests/emergency.rs, the digit and number tables read from the Rust sources,
// and the flow's decision (src/core/flow.rs `decide`) for the cases the fallback can know.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  REGION_NUMBERS, DEFAULT_REGIONS, ND_ZEROS, OTHER_DIGITS, isEmergencyNumber, connectsToEmergencyNumber,
  emergencyIn, decide, supportedRegions, localeFor, resolveLocale, messages,
} from "../pkg/fallback.js";

const ROOT = new URL("../../", import.meta.url);
const source = (path) => readFileSync(new URL(path, ROOT), "utf8");

test("every library vector of the supported regions gets the engine's exact answer", () => {
  const lines = source("tests/data/emergency_vectors.tsv").split("\n").filter((l) => l && !l.startsWith("#"));
  let checked = 0;
  const wrong = [];
  for (const line of lines) {
    const [region, dialed, is, connects] = line.split("\t");
    if (!DEFAULT_REGIONS.includes(region)) continue;
    checked++;
    const got = [isEmergencyNumber(dialed, region), connectsToEmergencyNumber(dialed, region)].join("\t");
    if (got !== `${is}\t${connects}`) wrong.push(`${region} ${JSON.stringify(dialed)}: want ${is}/${connects}, got ${got}`);
  }
  assert.ok(checked > 400, `only ${checked} vectors`);
  assert.deepEqual(wrong, []);
});

test("tables equal the Rust engine's (src/core/emergency_data.rs)", () => {
  const data = source("src/core/emergency_data.rs");
  const block = (name) => data.match(new RegExp(`static ${name}: [^=]+= \\[([\\s\\S]*?)\\];`))[1];
  assert.deepEqual(ND_ZEROS, block("ND_ZEROS").match(/0x[0-9A-F]+/gi).map(Number));
  assert.deepEqual(OTHER_DIGITS, [...block("OTHER_DIGITS").matchAll(/\((0x[0-9A-F]+), (\d+), (\d+)\)/gi)].map((m) => m.slice(1).map(Number)));
  const numbers = block("NUMBERS").match(/"(\d+)"/g).map((n) => n.slice(1, -1));
  for (const region of DEFAULT_REGIONS) {
    const [, start, count] = block("REGIONS").match(new RegExp(`\\(\\*b"${region}", (\\d+), (\\d+)\\)`)).map(Number);
    assert.deepEqual(REGION_NUMBERS[region], numbers.slice(start, start + count), region);
  }
  assert.ok(!/"(US|CA|PR|GB|DK)"/.test(block("MUST_BE_EXACT")), "no supported region is exact-only");
});

// tests/emergency.rs: E<number> = an emergency (with or without prefix), anything else is not.
const NO_PREFIX = [
  ["US", "911", "911"], ["US", "9-1-1", "911"], ["US", " (911) ", "911"], ["US", "９１１", "911"], ["US", "٩١١", "911"],
  ["US", "𝟗𝟏𝟏", "911"], ["US", "tel:911", "911"], ["US", "9️⃣1️⃣1️⃣", "911"], ["US", "112", "112"], ["US", "9111", "911"],
  ["US", "911 5", "911"], ["US", "91"], ["US", "+911"], ["US", "＋911"], ["US", "+1 911"], ["US", "933"], ["US", "1-800-FLOWERS"],
  ["CA", "911", "911"], ["CA", "9 1 1", "911"], ["CA", "112", "112"], ["CA", "9112", "911"], ["CA", "933"],
  ["PR", "911", "911"], ["PR", "9.1.1", "911"], ["PR", "112"], ["PR", "1122"],
  ["GB", "999", "999"], ["GB", "112", "112"], ["GB", "99 9", "999"], ["GB", "９９９", "999"], ["GB", "9999", "999"], ["GB", "911"], ["GB", "+44 999"],
  ["DK", "112", "112"], ["DK", "1-1-2", "112"], ["DK", "114", "114"], ["DK", "1122", "112"], ["DK", "11"], ["DK", "911"], ["DK", "999"], ["DK", "+45 112"],
  ["US", "Call 911 now!", "911"], ["US", "911\u{1F6A8}", "911"], ["DK", "112 x", "112"], ["US", `911${"1".repeat(100)}`, "911"],
  ["US", "9911"], ["US", ""], ["US", "abc"],
];
const PREFIX_9 = [
  ["US", "9911", "911"], ["US", "9-911", "911"], ["US", "9 112", "112"], ["US", "9,911", "911"], ["US", "911", "911"],
  ["US", "99111", "911"], ["US", "9112", "112"], ["US", "99112", "911"], ["US", "933"], ["US", "9-933"], ["US", "99"],
  ["US", "9+911", "911"], ["US", "+9911"], ["US", "9"], ["CA", "9-911", "911"], ["PR", "9911", "911"], ["GB", "9999", "999"],
  ["GB", "9-112", "112"], ["DK", "9112", "112"], ["DK", "9 555 1234"],
];

test("supported regions, with and without the outside-line prefix, as tests/emergency.rs", () => {
  const wrong = [];
  for (const [prefix, table] of [[undefined, NO_PREFIX], ["9", PREFIX_9]]) {
    for (const [region, dialed, want] of table) {
      const got = emergencyIn(dialed, region, prefix);
      if (got !== want) wrong.push(`${region} ${JSON.stringify(dialed)} prefix ${prefix}: want ${want}, got ${got}`);
    }
  }
  assert.deepEqual(wrong, []);
  // Other prefixes: formatting and Unicode digits in the prefix; none, or more than 16 digits, is no prefix.
  assert.equal(emergencyIn("8-1-999", "GB", "81"), "999");
  assert.equal(emergencyIn("0112", "DK", " ０ "), "112");
  assert.equal(emergencyIn("9911", "US", ""), undefined);
  assert.equal(emergencyIn("9911", "US", "-"), undefined);
  assert.equal(emergencyIn(`${"9".repeat(17)}911`, "US", "9".repeat(17)), undefined);
  assert.equal(emergencyIn(`${"9".repeat(16)}911`, "US", "9".repeat(16)), "911");
  assert.equal(emergencyIn("911", "ZZ", "9"), undefined);
  assert.equal(emergencyIn("911", "us"), "911", "region codes ignore ASCII case");
});

test("decide: what the fallback places, like src/core/flow.rs for what it can know", () => {
  const cfg = (emergency) => ({ agent: { id: "a" }, emergency });
  // Location unknown (no override): an emergency number of any supported region (E12).
  assert.deepEqual(decide("911", cfg({})), { emergency: true, number: "911", locationUnknown: true });
  assert.deepEqual(decide("999", cfg({})), { emergency: true, number: "999", locationUnknown: true });
  assert.deepEqual(decide("9-911", cfg({ outsideLinePrefix: "9" })), { emergency: true, number: "911", locationUnknown: true });
  assert.deepEqual(decide("5551234567", cfg({})), { emergency: false });
  assert.deepEqual(decide("+911", cfg({})), { emergency: false });
  // Known supported region: only that region's numbers.
  assert.deepEqual(decide("911", cfg({ locationOverride: { region: "us" } })), { emergency: true, number: "911", region: "US" });
  assert.deepEqual(decide("911", cfg({ locationOverride: { region: "GB" } })), { emergency: false });
  assert.deepEqual(decide("99-9", cfg({ locationOverride: { region: "GB" } })), { emergency: true, number: "999", region: "GB" });
  // supportedRegions is honoured; an unusable list falls back to the defaults (911 is never ordinary).
  assert.deepEqual(decide("911", cfg({ supportedRegions: ["GB", "DK"] })), { emergency: false });
  assert.deepEqual(decide("112", cfg({ supportedRegions: ["GB", "DK"] })), { emergency: true, number: "112", locationUnknown: true });
  assert.deepEqual(supportedRegions(cfg({ supportedRegions: [] })), DEFAULT_REGIONS);
  assert.deepEqual(supportedRegions(cfg({ supportedRegions: ["ZZ", 7] })), DEFAULT_REGIONS);
  assert.deepEqual(supportedRegions(cfg({ supportedRegions: ["gb", "GB", "XX"] })), ["GB"]);
  // A supported region whose numbers the fallback does not know: never refused (the known ones count).
  assert.deepEqual(decide("112", cfg({ supportedRegions: ["US", "DE"], locationOverride: { region: "DE" } })), { emergency: true, number: "112", region: "DE" });
  assert.deepEqual(decide("5551234", cfg({ supportedRegions: ["US", "DE"], locationOverride: { region: "DE" } })), { emergency: false });
  // Known to be outside (E12): blocked by default, attempted with "attempt".
  assert.deepEqual(decide("112", cfg({ locationOverride: { region: "DE" } })), { blocked: true });
  assert.deepEqual(decide("112", cfg({ locationOverride: { region: "DE" }, unsupportedRegionPolicy: "attempt" })), { emergency: true, number: "112", region: "DE", outside: true });
  assert.deepEqual(decide("5551234", cfg({ locationOverride: { region: "DE" } })), { emergency: false });
  // Coordinates cannot be resolved without the boundaries: location unknown.
  assert.deepEqual(decide("911", cfg({ locationOverride: { latitude: 40.7, longitude: -74, accuracyMeters: 20 } })), { emergency: true, number: "911", locationUnknown: true });
  // Hostile configuration values never throw.
  assert.deepEqual(decide("911", { emergency: { supportedRegions: "US", outsideLinePrefix: 9, locationOverride: null } }), { emergency: true, number: "911", locationUnknown: true });
});

test("localisation: the six locales, chosen like the wasm's i18n, with every message", () => {
  assert.equal(localeFor("da"), "da-DK");
  assert.equal(localeFor("fr-FR"), "fr-CA");
  assert.equal(localeFor("es_PR"), "es-PR");
  assert.equal(localeFor("de-AT"), "de-DE");
  assert.equal(localeFor("en-AU"), "en-GB");
  assert.equal(localeFor("en"), "en-US");
  assert.equal(localeFor("ja-JP"), undefined);
  assert.equal(resolveLocale("de-DE"), "de-DE");
  assert.equal(resolveLocale("xx"), localeFor(globalThis.navigator?.languages?.[0]) ?? "en-US");
  const en = messages("en-US");
  for (const locale of ["en-US", "en-GB", "da-DK", "fr-CA", "es-PR", "de-DE"]) {
    const m = messages(locale);
    assert.deepEqual(Object.keys(m), Object.keys(en));
    for (const key of Object.keys(en)) {
      assert.ok(m[key]("X").length > 0, `${locale} ${key}`);
      assert.equal(m[key]("⟨n⟩").includes("⟨n⟩"), en[key]("⟨n⟩").includes("⟨n⟩"), `${locale} ${key}: same placeholder`);
    }
    if (locale !== "en-US" && !locale.startsWith("en")) assert.notEqual(m.banner(), en.banner(), locale);
  }
  assert.equal(messages("xx-YY").banner(), en.banner(), "English fallback");
});
