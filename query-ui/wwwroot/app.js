// Progressive enhancement for the server-rendered pages (no inline script: the CSP forbids it).
// '/' focuses the query bar; row toggles; "load more" appends rows; live tail polls for new rows.
(function () {
  'use strict';

  document.addEventListener('keydown', function (e) {
    var t = e.target;
    var typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      var q = document.getElementById('q');
      if (q) { e.preventDefault(); q.focus(); q.select(); }
    }
  });

  document.addEventListener('click', function (e) {
    var toggle = e.target.closest && e.target.closest('button.toggle');
    if (toggle) {
      var row = toggle.closest('tr');
      var detail = row && row.nextElementSibling;
      if (detail && detail.classList.contains('detail')) {
        var open = detail.hidden;
        var cell = detail.firstElementChild;
        if (open && cell && cell.dataset.detail && !cell.dataset.loaded) {
          cell.dataset.loaded = '1';
          cell.textContent = 'Loading…';
          fetch(cell.dataset.detail, { credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.text() : Promise.reject(new Error('HTTP ' + r.status)); })
            .then(function (html) {
              var template = document.createElement('template');
              template.innerHTML = html; // server-rendered, every log value HTML-encoded
              cell.replaceChildren(template.content);
            })
            .catch(function (err) { cell.textContent = 'Could not load the fields: ' + err.message; delete cell.dataset.loaded; });
        }
        detail.hidden = !open;
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
        toggle.textContent = open ? '▾' : '▸';
      }
      return;
    }
    var more = e.target.closest && e.target.closest('a#more');
    if (more && more.dataset.rows) {
      e.preventDefault();
      loadMore(more);
    }
  });

  function rowsFrom(html) {
    var template = document.createElement('template');
    template.innerHTML = '<table><tbody>' + html + '</tbody></table>';
    return Array.prototype.slice.call(template.content.querySelectorAll('tbody > tr'));
  }

  function loadMore(link) {
    link.textContent = 'Loading…';
    fetch(link.dataset.rows, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      var nextRows = response.headers.get('X-Next-Rows');
      var nextUrl = response.headers.get('X-Next-Url');
      return response.text().then(function (html) {
        var body = document.querySelector('table.hits > tbody');
        rowsFrom(html).forEach(function (tr) { body.appendChild(tr); });
        if (nextRows) {
          link.dataset.rows = nextRows;
          link.href = nextUrl;
          link.textContent = 'Load more';
        } else {
          link.parentNode.removeChild(link);
        }
        var shown = document.getElementById('shown');
        if (shown) { shown.textContent = String(body.querySelectorAll('tr.hit').length); }
      });
    }).catch(function (err) { link.textContent = 'Load more (failed: ' + err.message + ')'; });
  }

  // Live tail: every 2 s, fetch rows newer than the newest shown and put them on top.
  var live = document.getElementById('live');
  var table = document.querySelector('table.hits[data-tail]');
  var timer = null;
  function newestTime() {
    var first = table.querySelector('tbody > tr.hit');
    return first ? first.dataset.ts : null;
  }
  function poll() {
    var url = new URL(table.dataset.tail, window.location.href);
    var newest = newestTime();
    if (newest) { url.searchParams.set('from', newest); }
    url.searchParams.set('to', 'now');
    url.searchParams.set('size', '200');
    fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.text() : ''; }).then(function (html) {
      var body = table.querySelector('tbody');
      var fresh = rowsFrom(html).filter(function (tr) {
        return !tr.classList.contains('hit') || !body.querySelector('tr.hit[data-id="' + tr.dataset.id + '"]');
      });
      var kept = [];
      fresh.forEach(function (tr) {
        if (tr.classList.contains('hit')) { kept.push(tr); } else if (kept.length && kept[kept.length - 1].classList.contains('hit')) { kept.push(tr); }
      });
      for (var i = kept.length - 1; i >= 0; i--) {
        if (kept[i].classList.contains('hit')) { kept[i].classList.add('new'); }
        body.insertBefore(kept[i], body.firstChild);
      }
    }).catch(function () { /* the next tick retries */ });
  }
  function setLive(on) {
    if (timer) { clearInterval(timer); timer = null; }
    if (on) { poll(); timer = setInterval(poll, 2000); }
    live.setAttribute('aria-pressed', on ? 'true' : 'false');
    live.textContent = on ? 'Pause live tail' : 'Live tail';
    var url = new URL(window.location.href);
    if (on) { url.searchParams.set('live', '1'); } else { url.searchParams.delete('live'); }
    history.replaceState(null, '', url);
  }
  if (live && table) {
    live.addEventListener('click', function () { setLive(live.getAttribute('aria-pressed') !== 'true'); });
    if (live.getAttribute('aria-pressed') === 'true') { setLive(true); }
  }
})();
