// Compiles every Tolk contract of the counter family with the pinned
// @ton/tolk-js (package.json) and writes its code BOC to build/<name>.boc,
// the bytes the compiler returns, so a rebuild gives the same files.
// The ABI files beside them (build/<name>.abi.json) are written by hand:
// tolk-js 1.3 writes no ABI.
//
// Run from the repository root: npm run build:tolk
import { runTolkCompiler, getTolkCompilerVersion } from "@ton/tolk-js";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const contracts = ["counter_v1", "counter_v2", "counter_v2fail"];
const wantVersion = "1.3.0";

const version = await getTolkCompilerVersion();
if (version !== wantVersion) {
  throw new Error(`tolk ${version} is installed, the family is built with ${wantVersion}: run npm ci`);
}

fs.mkdirSync(path.join(here, "build"), { recursive: true });
for (const name of contracts) {
  const result = await runTolkCompiler({
    entrypointFileName: `${name}.tolk`,
    fsReadCallback: (file) => fs.readFileSync(path.join(here, file), "utf-8"),
  });
  if (result.status === "error") {
    throw new Error(`${name}.tolk: ${result.message}`);
  }
  const out = path.join(here, "build", `${name}.boc`);
  fs.writeFileSync(out, Buffer.from(result.codeBoc64, "base64"));
  console.log(`${path.relative(process.cwd(), out)}  code hash ${result.codeHashHex.toLowerCase()}`);
}
