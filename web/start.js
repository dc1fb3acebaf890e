// Starts the peercall game in this page: reads the records this browser keeps (IndexedDB)
// before the game opens them, hands the game a way to keep them after every change, and starts
// the WebAssembly module.
import init, { benchEngine, exportRecords, importRecords, lmsTerminate, press } from './peercall-web.js';
import { cmi5Launch, launched } from './lms.js';
import { scormLaunch } from './scorm.js';

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

// The page's last warnings, for a trainer's or a test's look (`window.peercall.warnings`).
const warnings = [];
for (const level of ['warn', 'error']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    warnings.push(args.map(String).join(' '));
    if (warnings.length > 50) warnings.shift();
    original(...args);
  };
}

let kept = { db: null, image: undefined };
// What the mirror shows now.
let shown = { screen: null, texts: [] };

function paragraph(text) {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}
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
  warnings,
  // The engine's choices per second in this page over about `ms` (scripts/measure-web.py).
  benchEngine,
  // This browser's results in the records' export format (`peercall records import` reads it).
  exportRecords() {
    return newest ? exportRecords(newest) : '{"format":"peercall-records","version":1,"records":[]}';
  },
  loadedRecords() {
    const image = kept.image;
    kept.image = undefined;
    return image;
  },
  // The game's screen as text and buttons (crates/game/src/web/dom.rs hands it over whenever
  // it changes): new lines go to the live log, the buttons press the game's own.
  mirror(json) {
    const now = JSON.parse(json);
    const root = document.getElementById('mirror');
    const log = document.getElementById('mirror-log');
    const changed = now.screen !== shown.screen;
    if (changed) log.replaceChildren();
    const before = new Set(changed ? [] : shown.texts);
    for (const t of now.texts) {
      if (!before.has(t)) log.append(paragraph(t));
    }
    while (log.childElementCount > 40) log.firstElementChild.remove();
    root.dataset.screen = now.screen;
    document.getElementById('mirror-screen').textContent = now.texts[0] ?? now.screen;
    document.getElementById('mirror-text').replaceChildren(...now.texts.map(paragraph));
    // Keep a keyboard user's place: focus moves to the new first button only when it was on one.
    const hadFocus = root.contains(document.activeElement);
    const buttons = document.getElementById('mirror-buttons');
    buttons.replaceChildren(...now.buttons.map((b) => {
      const e = document.createElement('button');
      e.type = 'button';
      e.textContent = b.label;
      e.dataset.id = b.id;
      if (b.rect) e.dataset.rect = b.rect.join(' ');
      e.addEventListener('click', () => press(b.id));
      return e;
    }));
    if (hadFocus) (buttons.firstElementChild ?? root).focus();
    shown = now;
  },
  // A file the game made (a certificate), offered as a download.
  download(name, kind, bytes) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([bytes.slice()], { type: kind }));
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
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

// Launched by a learning system: the launch is read before the game starts (it names the
// learner and their language); a launch that cannot be read stops here, with the reason.
const query = new URLSearchParams(location.search);
let lms = null;
if (launched(query)) {
  try {
    lms = await cmi5Launch(query);
  } catch (e) {
    say(`peercall could not start from your learning system: ${e.message ?? e}`, true);
    throw e;
  }
}
window.peercall.lmsLaunch = () => lms?.json;
window.peercall.fail = (why) => say(why, true);
window.peercall.lmsStatements = (json) => { lms?.statements(json); };
window.peercall.lmsKeep = (json) => { lms?.keepState(json); };
window.peercall.lms = lms;
// Inside a SCORM package (`peercall lms scorm` marks the page with its version): the LMS's API
// is found and the session started before the game, which reads the learner and any call to
// resume.
let scorm = null;
const scormVersion = document.documentElement.dataset.scorm;
if (scormVersion) {
  try {
    scorm = scormLaunch(scormVersion);
  } catch (e) {
    say(`peercall could not start from your learning system: ${e.message ?? e}`, true);
    throw e;
  }
}
window.peercall.scormLaunch = () => scorm?.json;
window.peercall.scormSet = (json) => { scorm?.set(json); };
window.peercall.scorm = scorm;

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

// Records: exported as a file, imported from one (each result verified by the game).
const said = document.getElementById('records-said');
document.getElementById('export').addEventListener('click', () => {
  try {
    const blob = new Blob([window.peercall.exportRecords()], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `peercall-records-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  } catch (e) {
    said.textContent = String(e.message ?? e);
  }
});
document.getElementById('import').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  event.target.value = '';
  if (!file) return;
  try {
    said.textContent = importRecords(file.name, await file.text());
  } catch (e) {
    said.textContent = String(e.message ?? e);
  }
});

// Launched by a learning system: "Finish" sends the last statement and goes back to the course;
// leaving the page any other way sends it too.
if (lms) {
  const finish = document.getElementById('lms-finish');
  finish.hidden = false;
  finish.addEventListener('click', async () => {
    const last = lmsTerminate();
    if (last) lms.statements(last);
    finish.disabled = true;
    await lms.drained();
    document.documentElement.dataset.finished = '1';
    if (lms.returnURL) location.assign(lms.returnURL);
    else said.textContent = 'You can close this window.';
  });
  addEventListener('pagehide', () => {
    const last = lmsTerminate();
    if (last) lms.lastWord(last);
  });
}
// In a SCORM package: "Finish" ends the session (a call in progress stays resumable); so does
// leaving the page.
if (scorm) {
  const finish = document.getElementById('lms-finish');
  finish.textContent = 'Finish';
  finish.hidden = false;
  finish.addEventListener('click', () => {
    scorm.finish();
    finish.disabled = true;
    document.documentElement.dataset.finished = '1';
    finish.textContent = 'Your learning system has your result: you can close this window';
  });
  addEventListener('pagehide', () => scorm.finish());
}
