// Unit tests (node --test) of src/ui/locale.js's `languages`: the browser's languages are read
// once per task (a first mount asks four times), a change is seen from the next task, and a
// page that made them unreadable gets "" rather than an exception.
import { test } from "node:test";
import assert from "node:assert/strict";
import { languages } from "../../src/ui/locale.js";

function fakeNavigator(get) {
  let reads = 0;
  Object.defineProperty(globalThis, "navigator", {
    configurable: true,
    value: { get languages() { reads += 1; return get(); } },
  });
  return () => reads;
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

test("read once per task, comma-separated, strings only; a change is seen in the next task", async () => {
  let list = ["da-DK", 7, "en-GB"];
  const reads = fakeNavigator(() => list);
  assert.equal(languages(), "da-DK,en-GB");
  list = ["fr-CA"];
  assert.equal(languages(), "da-DK,en-GB", "the same task: the first answer");
  assert.equal(languages(), "da-DK,en-GB");
  assert.equal(reads(), 1);
  await nextTask();
  assert.equal(languages(), "fr-CA");
  assert.equal(reads(), 2);
});

test("unreadable or not an array: empty, never a throw", async () => {
  await nextTask();
  fakeNavigator(() => { throw new Error("blocked by the page"); });
  assert.equal(languages(), "");
  await nextTask();
  fakeNavigator(() => "en-US");
  assert.equal(languages(), "");
});
