// Keeps a board page live: it listens to the board's events and redraws the tables (names are
// set as text, never as HTML): the top ten (twenty on the wall), and the places around `me`
// below them. Its settings come from the page's #live element.
(function () {
  var cfg = document.getElementById('live').dataset;
  var hide = cfg.hide === 'true', wall = cfg.wall === 'true', me = cfg.me || '';
  var words = JSON.parse(cfg.words);
  function view(rows) {
    var top = wall ? 20 : 10, out = rows.slice(0, top);
    var i = rows.findIndex(function (r) { return r.name === me; });
    if (me && i >= top) out = out.concat(rows.slice(Math.max(top, i - 2), i + 3));
    return out;
  }
  function table(title, who, rows, team) {
    var box = document.createElement('section');
    var h = document.createElement('h2'); h.textContent = title; box.appendChild(h);
    if (!rows.length) { var p = document.createElement('p'); p.textContent = words.none; box.appendChild(p); return box; }
    var t = document.createElement('table');
    var head = ['#', who].concat(team ? [words.team] : []).concat([words.score, words.calls]);
    var tr = document.createElement('tr');
    head.forEach(function (c, i) { var th = document.createElement('th'); th.textContent = c; if (i === 0 || i >= head.length - 2) th.className = 'n'; tr.appendChild(th); });
    t.appendChild(tr);
    var last = 0;
    view(rows).forEach(function (r) {
      if (r.place > last + 1) { var gap = document.createElement('tr'); gap.className = 'gap'; var td = document.createElement('td'); td.colSpan = 5; td.textContent = '…'; gap.appendChild(td); t.appendChild(gap); }
      last = r.place;
      var cells = [r.place, hide && r.name !== me ? who + ' ' + r.place : r.name].concat(team ? [r.team] : []).concat([Math.round(r.score), r.calls]);
      var row = document.createElement('tr'); if (r.name === me) row.className = 'me';
      cells.forEach(function (c, i) { var td = document.createElement('td'); td.textContent = c; if (i === 0 || i >= cells.length - 2) td.className = 'n'; row.appendChild(td); });
      t.appendChild(row);
    });
    box.appendChild(t); return box;
  }
  var events = new EventSource('/api/competitions/' + encodeURIComponent(cfg.competition) + '/events');
  events.addEventListener('board', function (e) {
    var b = JSON.parse(e.data);
    var target = document.getElementById('boards');
    if (!target) {
      target = document.createElement('div'); target.id = 'boards';
      var first = document.querySelector('.static'); first.parentNode.insertBefore(target, first);
      document.querySelectorAll('.static').forEach(function (n) { n.remove(); });
    }
    target.replaceChildren(table(words.players, words.player, b.players, true), table(words.teams, words.team, b.teams, false));
    document.body.dataset.updated = String(Date.now());
  });
})();
