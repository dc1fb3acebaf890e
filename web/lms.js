// A learning system's launch (cmi5): the launch parameters in the page's address, the
// authorization token fetched once, the LMS's launch data and the learner's language, and the
// learning records sent to the LMS in order, one request at a time. The game (crates/game/src/
// web/lms.rs) words the statements; this file only carries them.

const XAPI_VERSION = '1.0.3';

/// Whether the page was launched by a learning system.
export function launched(query) {
  return query.has('endpoint') || query.has('fetch');
}

async function checked(response, what) {
  if (!response.ok) throw new Error(`${what}: the learning system answered ${response.status}`);
  return response;
}

/// The launch: fetches the token and reads what the LMS left for this registration. Throws an
/// Error saying what failed.
export async function cmi5Launch(query) {
  const need = (name) => {
    const v = query.get(name);
    if (!v) throw new Error(`the launch has no "${name}": open this course from your learning system`);
    return v;
  };
  const endpoint = need('endpoint').replace(/\/?$/, '/');
  const launch = {
    endpoint,
    fetch: need('fetch'),
    actor: need('actor'),
    registration: need('registration'),
    activityId: need('activityId'),
  };
  const answer = await (await checked(await fetch(launch.fetch, { method: 'POST' }), 'the token')).json();
  const token = answer['auth-token'];
  if (typeof token !== 'string' || !token) throw new Error(`the token: ${answer['error-text'] ?? 'none given'}`);
  const headers = { Authorization: `Basic ${token}`, 'X-Experience-API-Version': XAPI_VERSION };
  const params = (extra) => new URLSearchParams({ agent: launch.actor, ...extra }).toString();
  const state = (stateId) => `${endpoint}activities/state?${params({
    stateId, activityId: launch.activityId, registration: launch.registration })}`;
  const launchData = await (await checked(await fetch(state('LMS.LaunchData'), { headers }), 'the launch data')).text();
  // The learner's preferences and what this AU sent before may be missing: a 404 is no error.
  const optional = async (url) => {
    const r = await fetch(url, { headers });
    return r.ok ? r.text() : '';
  };
  const prefs = await optional(`${endpoint}agents/profile?${params({ profileId: 'cmi5LearnerPreferences' })}`);
  const sent = await optional(state('peercall.cmi5'));
  let lang;
  try { lang = JSON.parse(prefs || '{}').languagePreference?.split(',')[0]; } catch { lang = undefined; }
  let returnURL;
  try { returnURL = JSON.parse(launchData).returnURL; } catch { returnURL = undefined; }

  // One request at a time, in the order the game handed them over, each tried a few times.
  let chain = Promise.resolve();
  const status = { sent: 0, failed: 0, errors: [] };
  const carry = (method, url, body) => {
    chain = chain.then(async () => {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        try {
          await checked(await fetch(url, {
            method, body, headers: { ...headers, 'Content-Type': 'application/json' },
          }), 'the learning records');
          status.sent += 1;
          return;
        } catch (e) {
          if (attempt === 4) {
            status.failed += 1;
            status.errors.push(String(e.message ?? e));
            console.warn('peercall: not sent to the learning system:', e);
            return;
          }
          await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
        }
      }
    });
    return chain;
  };
  return {
    // What the game reads at start (crates/game/src/web/lms.rs).
    json: JSON.stringify({ launch, launchData, sent, lang: lang ?? null }),
    returnURL,
    status,
    statements: (json) => carry('POST', `${endpoint}statements`, json),
    keepState: (json) => carry('PUT', state('peercall.cmi5'), json),
    // The last statement when the page goes away: sent even as the page unloads.
    lastWord: (json) => fetch(`${endpoint}statements`, {
      method: 'POST', body: json, keepalive: true,
      headers: { ...headers, 'Content-Type': 'application/json' },
    }),
    drained: () => chain,
  };
}
