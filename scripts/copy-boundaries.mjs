// Trunk post-build hook: ships the country boundaries data (crates.io `country-boundaries`,
// ODbL, © OpenStreetMap contributors) as a separate asset next to the widget's JS glue, so it
// is fetched only when a position arrives and never part of the initial wasm (docs/TOOLCHAIN.md
// "Country lookup data"; src/host/location.rs BOUNDARIES_FILE). The file comes from the crate
// in the local cargo registry, located through `cargo metadata` (offline).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";

const SOURCE = "boundaries60x30.ser";
const TARGET = "country-boundaries-60x30.ser";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a Trunk hook (or pass the output folder)");
const metadata = JSON.parse(execFileSync("cargo", ["metadata", "--format-version", "1", "--offline"], {
  cwd: process.env.TRUNK_SOURCE_DIR ?? process.cwd(), maxBuffer: 64 << 20, encoding: "utf8",
}));
const pkg = metadata.packages.find((p) => p.name === "country-boundaries");
if (!pkg) throw new Error("country-boundaries is not a dependency (Cargo.toml)");
const file = join(dirname(pkg.manifest_path), "data", SOURCE);
if (!existsSync(file)) throw new Error(`${file} is missing`);
copyFileSync(file, join(dir, TARGET));
