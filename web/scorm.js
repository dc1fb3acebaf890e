// A learning system's launch (SCORM 1.2 and 2004): the LMS's API found in a parent or opener
// window, the learner and the suspend state read from it before the game starts, the values the
// game hands over set in order and committed, and the session ended when the learner finishes
// or leaves. The game (crates/game/src/web/scorm.rs) decides the values; this file only
// carries them.

const API_NAME = { '1.2': 'API', 2004: 'API_1484_11' };
const CALLS = {
  '1.2': {
    init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit',
    finish: 'LMSFinish', error: 'LMSGetLastError', text: 'LMSGetErrorString',
  },
  2004: {
    init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit',
    finish: 'Terminate', error: 'GetLastError', text: 'GetErrorString',
  },
};
// What the game reads at start, by the name crates/core/src/scorm.rs gives it.
const READ = {
  '1.2': {
    learnerId: 'cmi.core.student_id', learnerName: 'cmi.core.student_name',
    mode: 'cmi.core.lesson_mode', suspend: 'cmi.suspend_data',
    mastery: 'cmi.student_data.mastery_score', lang: 'cmi.student_preference.language',
  },
  2004: {
    learnerId: 'cmi.learner_id', learnerName: 'cmi.learner_name', mode: 'cmi.mode',
    suspend: 'cmi.suspend_data', mastery: 'cmi.scaled_passing_score',
    lang: 'cmi.learner_preference.language',
  },
};

/// The API object `name` in `win` or one of its parents; windows of another site are passed by.
function findIn(win, name) {
  for (let depth = 0; win && depth < 100; depth += 1) {
    try {
      if (win[name]) return win[name];
    } catch {
      // Another site's window: its properties cannot be read.
    }
    if (win.parent === win) break;
    win = win.parent;
  }
  return null;
}

/// How long the session lasted, in `version`'s format.
function sessionTime(version, ms) {
  const s = Math.max(0, Math.round(ms / 10) / 100);
  if (version === '2004') return `PT${s.toFixed(2)}S`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = (s % 60).toFixed(2).padStart(5, '0');
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${rest}`;
}

/// Starts the SCO's session with the LMS of `version` ('1.2' or '2004'). Throws an Error saying
/// what failed.
export function scormLaunch(version) {
  const name = API_NAME[version];
  const calls = CALLS[version];
  if (!name) throw new Error(`this package names SCORM "${version}", which peercall does not speak`);
  const api = findIn(window, name) ?? (window.opener ? findIn(window.opener, name) : null);
  if (!api) {
    throw new Error(`no SCORM ${version} learning system was found around this page: open this course from your learning system`);
  }
  const ok = (r) => r === true || r === 'true';
  const why = () => {
    const code = api[calls.error]();
    return `${code}: ${api[calls.text](code)}`;
  };
  if (!ok(api[calls.init](''))) throw new Error(`the learning system did not start the session (${why()})`);
  const read = { version };
  for (const [key, element] of Object.entries(READ[version])) {
    const v = api[calls.get](element);
    read[key] = typeof v === 'string' ? v : '';
  }
  const started = Date.now();
  const status = { set: 0, refused: [], finished: false };
  return {
    // What the game reads at start (crates/game/src/web/scorm.rs).
    json: JSON.stringify(read),
    status,
    // Sets each [element, value] of the JSON array in order, then commits.
    set(json) {
      if (status.finished) return;
      for (const [element, value] of JSON.parse(json)) {
        if (ok(api[calls.set](element, value))) {
          status.set += 1;
        } else {
          status.refused.push(`${element}: ${why()}`);
          console.warn(`peercall: the learning system refused ${element}:`, why());
        }
      }
      if (!ok(api[calls.commit](''))) console.warn('peercall: the learning system did not commit:', why());
    },
    // Ends the session (once), with how long it lasted.
    finish() {
      if (status.finished) return;
      status.finished = true;
      const time = version === '2004' ? 'cmi.session_time' : 'cmi.core.session_time';
      api[calls.set](time, sessionTime(version, Date.now() - started));
      api[calls.finish]('');
    },
  };
}
