// Starts the peercall game in this page: reads the records this browser keeps (IndexedDB)
// before the game opens them, hands the game a way to keep them after every change, and starts
// the WebAssembly module.
import init, { exportRecords } from './peercall-web.js';

const DB = 'peercall';
const STORE = 'records';
const KEY = 'records.sqlite';

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

async function openRecords() {
  const open = indexedDB.open(DB, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  const db = await request(open);
  const stored = await request(db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY));
  return { db, image: stored instanceof Uint8Array ? stored : undefined };
}

function say(text, isError) {
  const p = document.getElementById('loading-text');
  p.textContent = text;
  p.className = isError ? 'error' : '';
}

let kept = { db: null, image: undefined };
// The newest records image, for exporting them.
let newest;
try {
  kept = await openRecords();
  newest = kept.image;
  // Ask the browser not to clear these records when space runs low.
  navigator.storage?.persist?.();
} catch (e) {
  console.warn('peercall: this browser will not keep records:', e);
}

// The game's side of the records (see crates/game/src/web.rs): writes are put in order, each
// a whole image, so the last one written is the newest.
window.peercall = {
  saved: 0,
  failed: 0,
  // This browser's results in the records' export format (`peercall records import` reads it).
  exportRecords() {
    return newest ? exportRecords(newest) : '{"format":"peercall-records","version":1,"records":[]}';
  },
  loadedRecords() {
    const image = kept.image;
    kept.image = undefined;
    return image;
  },
  saveRecords(bytes) {
    const copy = bytes.slice();
    newest = copy;
    if (!kept.db) return;
    const tx = kept.db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(copy, KEY);
    tx.oncomplete = () => { window.peercall.saved += 1; };
    tx.onerror = () => { window.peercall.failed += 1; console.warn('peercall: records not kept:', tx.error); };
  },
};

try {
  await init();
} catch (e) {
  // winit hands control to the browser's event loop by throwing; that one is not an error.
  if (!String(e).includes('Using exceptions for control flow')) {
    say(`peercall could not start: ${e}`, true);
    throw e;
  }
}
// The game runs: its canvas takes the keys.
document.getElementById('loading').classList.add('gone');
document.documentElement.dataset.started = String(Math.round(performance.now()));
// The first frame the browser paints after the game started (the engine draws in its frames).
requestAnimationFrame(() => requestAnimationFrame(() => {
  document.documentElement.dataset.frame = String(Math.round(performance.now()));
}));
document.getElementById('bevy').focus();
