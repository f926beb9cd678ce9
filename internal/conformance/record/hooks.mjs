// Records the hooks family's vectors (examples/contracts/hooks):
// testdata/hooks.json, the eager upgrade with its pre-upgrade check, a
// migration that traps and rolls back, the migration that works, and the
// check that always fails (hooks.v1stuck); testdata/hooks-lazy.json, the
// same versions upgraded lazily, where the trapping migration bricks the
// pot instead.
//
// Run it from a scratch folder outside the repository (lib.mjs has the
// setup), giving the repository's root:
//
//   cd /work/scratch/sandbox   # npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node <repo>/internal/conformance/record/hooks.mjs <repo>

import { Recorder, code, initData, core, repoRoot } from './lib.mjs';

const { beginCell, toNano } = core;
const root = repoRoot();
const dir = 'examples/contracts/hooks';
const pkg = (name) => code(root, `${dir}/build/${name}_${name}.pkg`);

const op = { upgrade: 0x484b0001, lock: 0x484b0002, unlock: 0x484b0003, bump: 0x484b0004, lazyUpgrade: 10 };
const upgrade = (q, c) => beginCell().storeUint(op.upgrade, 32).storeUint(q, 64).storeRef(c).endCell();
const lazyUpgrade = (c) => beginCell().storeUint(op.lazyUpgrade, 32).storeRef(c).endCell();
const lock = (q, amount) => beginCell().storeUint(op.lock, 32).storeUint(q, 64).storeCoins(amount).endCell();
const unlock = (q) => beginCell().storeUint(op.unlock, 32).storeUint(q, 64).endCell();
const bump = (q) => beginCell().storeUint(op.bump, 32).storeUint(q, 64).endCell();

/** Every version 1's StateInit: init(owner: Address). */
const potInit = (c, owner) => ({ code: c, data: initData((b) => b.storeAddress(owner)) });

async function eager() {
    const [v1, v1stuck, v2, v2trap] = ['HooksV1', 'HooksV1Stuck', 'HooksV2', 'HooksV2Trap'].map(pkg);
    const r = await Recorder.create(
        root,
        "The hooks family's eager upgrade (examples/contracts/hooks): HooksV1 deployed by owner; a Bump; the owner locks 1 TON, and the owner's Upgrade to HooksV2 is refused by the old code's pre-upgrade check (Funds are locked); a stranger's Upgrade refused with 132; Unlock; the Upgrade to HooksV2Trap, whose migration traps (exit 9) inside the upgrade transaction, so the code and data stay HooksV1's; the Upgrade to HooksV2, which sets the code, switches c3 to it and calls its postUpgrade (method 0x4850), whose contract loader runs init(stateToBeMigrated), in the same transaction; Bumps on V2 add 2; an Upgrade back to HooksV1, which has no postUpgrade (exit 11), undone. Last, HooksV1Stuck, whose pre-upgrade check always fails, refuses the Upgrade before and after an Unlock.",
        ['owner', 'stranger'],
    );
    const init = potInit(v1, r.addresses.owner);
    const pot = r.address(init);
    const getters = async (note) => {
        await r.get(pot, 'type_and_version', [], note);
        await r.get(pot, 'count');
        await r.get(pot, 'locked');
    };
    await r.send({ from: 'owner', init, note: 'Deploy HooksV1 with an empty body; the value comes back.' });
    await r.get(pot, 'owner');
    await r.get(pot, 'isUpgradable');
    await r.send({ from: 'stranger', to: pot, body: bump(1) });
    await r.send({ from: 'owner', to: pot, body: lock(2, toNano('1')), note: 'Lock 1 TON.' });
    await getters();
    await r.send({ from: 'owner', to: pot, body: upgrade(3, v2), note: "The pre-upgrade check refuses while funds are locked." });
    await r.send({ from: 'stranger', to: pot, body: upgrade(4, v2), note: "A stranger's Upgrade: 132 (access denied)." });
    await r.send({ from: 'owner', to: pot, body: unlock(5) });
    await r.send({ from: 'owner', to: pot, body: upgrade(6, v2trap), note: "HooksV2Trap's migration traps in the upgrade transaction: code and data stay HooksV1's." });
    await getters('Still version 1, on its own data.');
    r.wait(600);
    await r.send({ from: 'owner', to: pot, body: upgrade(7, v2), note: "The eager upgrade: HooksV2's migration runs inside this transaction." });
    await getters('Version 2, migrated: count widened and moved, upgradedAt set.');
    await r.get(pot, 'upgradedAt');
    await r.send({ from: 'stranger', to: pot, body: bump(8), note: 'V2 adds 2.' });
    await r.get(pot, 'count');
    await r.send({ from: 'owner', to: pot, body: upgrade(9, v1), note: 'Back to HooksV1: it has no postUpgrade (exit 11), so the upgrade is undone.' });
    await r.get(pot, 'type_and_version');

    const stuckInit = potInit(v1stuck, r.addresses.owner);
    const stuck = r.address(stuckInit);
    await r.send({ from: 'owner', init: stuckInit, note: 'Deploy HooksV1Stuck: its pre-upgrade check reads `locked < 0`.' });
    await r.send({ from: 'owner', to: stuck, body: upgrade(10, v2), note: 'Refused with nothing locked.' });
    await r.send({ from: 'owner', to: stuck, body: unlock(11) });
    await r.send({ from: 'owner', to: stuck, body: upgrade(12, v2), note: 'Refused after an Unlock too: no upgrade ever passes.' });
    await r.get(stuck, 'type_and_version');
    r.write(`${dir}/testdata/hooks.json`);
}

async function lazy() {
    const [v1, v2, v2trap] = ['HooksLazyV1', 'HooksLazyV2', 'HooksLazyV2Trap'].map(pkg);
    const r = await Recorder.create(
        root,
        "The hooks family's lazy upgrade (examples/contracts/hooks): HooksLazyV1 (Chainlink's Tact trait with the same pre-upgrade check) deployed by owner; a Bump; Lock refuses the Upgrade, Unlock lets it through; the Upgrade to HooksLazyV2Trap commits the code and the envelope, and its migration traps (exit 9) on every getter and message after it, the owner's Upgrade back included. Then a second pot, owned by stranger, upgraded to HooksLazyV2, whose init migrates on the next message.",
        ['owner', 'stranger'],
    );
    const init = potInit(v1, r.addresses.owner);
    const pot = r.address(init);
    await r.send({ from: 'owner', init, note: 'Deploy HooksLazyV1 with an empty body.' });
    await r.send({ from: 'stranger', to: pot, body: bump(1) });
    await r.send({ from: 'owner', to: pot, body: lock(2, toNano('1')) });
    await r.send({ from: 'owner', to: pot, body: lazyUpgrade(v2trap), note: 'Refused while funds are locked.' });
    await r.send({ from: 'owner', to: pot, body: unlock(3) });
    await r.send({ from: 'owner', to: pot, body: lazyUpgrade(v2trap), note: 'The code changes; the migration waits for the next message.' });
    await r.get(pot, 'type_and_version', [], "Every getter runs HooksLazyV2Trap's init first: exit 9.");
    await r.get(pot, 'count');
    await r.send({ from: 'stranger', to: pot, body: bump(4), note: 'Every message too.' });
    await r.send({ from: 'owner', to: pot, body: lazyUpgrade(v1), note: "The owner's Upgrade back: exit 9 as well. Bricked." });

    const second = potInit(v1, r.addresses.stranger);
    const pot2 = r.address(second);
    await r.send({ from: 'stranger', init: second, note: 'A second pot, owned by stranger.' });
    await r.send({ from: 'stranger', to: pot2, body: bump(5) });
    r.wait(600);
    await r.send({ from: 'stranger', to: pot2, body: lazyUpgrade(v2), note: 'HooksLazyV2: the code changes, the data is the envelope.' });
    await r.get(pot2, 'count', [], 'The getter migrates in memory.');
    await r.get(pot2, 'upgradedAt');
    await r.send({ from: 'stranger', to: pot2, body: bump(6), note: 'The first message migrates for good; V2 adds 2.' });
    await r.get(pot2, 'count');
    await r.get(pot2, 'upgradedAt');
    r.write(`${dir}/testdata/hooks-lazy.json`);
}

await eager();
await lazy();
