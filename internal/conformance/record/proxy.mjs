// Records examples/contracts/proxy/testdata/proxy.json: a proxy of fixed
// code that deploys a child, forwards Increment to it and forwards the
// owner's UpgradeChild, with which the child replaces its own code.
//
// Run it from a scratch folder outside the repository (lib.mjs has the
// setup), giving the repository's root:
//
//   cd /work/scratch/sandbox   # npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node <repo>/internal/conformance/record/proxy.mjs <repo>

import { Recorder, code, initData, core, repoRoot } from './lib.mjs';

const { beginCell } = core;
const root = repoRoot();
const dir = 'examples/contracts/proxy';
const proxyCode = code(root, `${dir}/build/Proxy_Proxy.pkg`);
const childV1 = code(root, `${dir}/build/Proxy_ChildV1.pkg`);
const childV2 = code(root, `${dir}/build/ChildV2_ChildV2.pkg`);

const spawn = () => beginCell().storeUint(0x50580005, 32).endCell();
const increment = (by) => beginCell().storeUint(0x50580001, 32).storeUint(by, 32).endCell();
const upgradeChild = (c) => beginCell().storeUint(0x50580003, 32).storeRef(c).endCell();
const upgradeCode = (origin, c) => beginCell().storeUint(0x50580004, 32).storeAddress(origin).storeRef(c).endCell();

const r = await Recorder.create(
    root,
    "The proxy family (examples/contracts/proxy): the Proxy (owner, child: Address?, forwarded: uint32) deployed by owner with SpawnChild, which deploys ChildV1 (owner: the proxy) at the address of its StateInit; a stranger's Increment forwarded to the child as ChildIncrement; a stranger's UpgradeChild refused by the proxy (132) and a stranger's UpgradeCode sent straight to the child refused by the child (132); a second SpawnChild refused; ten minutes later the owner's UpgradeChild { ChildV2 } forwarded as UpgradeCode, and the child replaces its own code; the proxy's code never changes; Increment on ChildV2 adds twice as much.",
    ['owner', 'stranger'],
);
const { owner, stranger } = r.addresses;
const init = { code: proxyCode, data: initData((b) => b.storeAddress(owner)) };
const proxy = r.address(init);
const child = r.address({ code: childV1, data: initData((b) => b.storeAddress(proxy)) });

await r.send({ from: 'owner', init, body: spawn(), note: 'Deploy the proxy with SpawnChild: it deploys ChildV1.' });
await r.get(proxy, 'type_and_version');
await r.get(proxy, 'child');
await r.get(child, 'type_and_version');
await r.get(child, 'owner', [], "The child's owner is the proxy.");
await r.get(child, 'value');
await r.send({ from: 'stranger', to: proxy, body: increment(5), note: 'Anyone may increment through the proxy.' });
await r.get(child, 'value');
await r.get(proxy, 'forwarded');
await r.send({ from: 'stranger', to: proxy, body: upgradeChild(childV2), note: "A stranger's UpgradeChild: the proxy refuses it (132)." });
await r.send({ from: 'stranger', to: child, body: upgradeCode(stranger, childV2), note: 'Straight to the child: the child refuses it (132).' });
await r.send({ from: 'owner', to: proxy, body: spawn(), note: 'A second SpawnChild: refused.' });
r.wait(600);
await r.send({ from: 'owner', to: proxy, body: upgradeChild(childV2), note: "The owner's UpgradeChild: forwarded, and the child sets its own code." });
await r.get(child, 'type_and_version');
await r.get(child, 'value', [], 'Same storage, new code.');
await r.get(proxy, 'type_and_version', [], 'The proxy is unchanged.');
await r.send({ from: 'stranger', to: proxy, body: increment(5), note: 'ChildV2 adds twice as much.' });
await r.get(child, 'value');
await r.get(proxy, 'forwarded');
r.write(`${dir}/testdata/proxy.json`);
