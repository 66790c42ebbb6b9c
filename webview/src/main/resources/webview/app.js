// loadrank web view (docs/WEBVIEW.md). Every name from the data goes into the page as text
// (textContent, setAttribute): nothing from a record is ever parsed as markup.
'use strict';
(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const state = { search: '', top: 20, selected: null, inflight: false, again: false };
  const $ = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const name in attrs) node.setAttribute(name, String(attrs[name]));
    return node;
  }

  function num(value, digits) {
    return value === null || value === undefined || !isFinite(value) ? '–' : Number(value).toFixed(digits);
  }

  // scores are shares of 100: among thousands of hosts they are small, so 3 significant digits, not decimals
  function sig(value) {
    return value === null || value === undefined || !isFinite(value) ? '–' : String(Number(Number(value).toPrecision(3)));
  }

  function clock(millis) {
    if (!millis) return '–';
    return new Date(millis).toLocaleTimeString([], { hour12: false });
  }

  function setStatus(text, kind) {
    const status = $('status');
    status.textContent = text;
    status.className = 'status ' + kind;
  }

  async function refresh() {
    if (state.inflight) { state.again = true; return; }
    state.inflight = true;
    try {
      const response = await fetch('/api/view?search=' + encodeURIComponent(state.search) + '&top=' + state.top,
        { cache: 'no-store' });
      render(await response.json());
    } catch (e) {
      setStatus('view unreachable', 'bad');
    } finally {
      state.inflight = false;
      if (state.again) { state.again = false; refresh(); }
    }
  }

  function render(view) {
    $('title').textContent = view.title;
    document.title = view.title;
    if (view.rankedAtMillis > 0) {
      const age = Math.max(0, Math.round((view.nowMillis - view.rankedAtMillis) / 1000));
      $('ranked-at').textContent = 'ranked ' + clock(view.rankedAtMillis) + ' (' + age + ' s ago) · ' + view.hosts +
        ' hosts ranked · ' + view.staleHosts + ' stale';
    }
    renderAlerts(view);
    renderDatacenters(view);
    const s = view.stats;
    $('stats').textContent = s.slices + ' slices · slice rankings ' + s.rankings + ' · alert events ' + s.alertEvents +
      ' · skipped: ranking records ' + s.badRankings + ', alerts ' + s.badAlerts + ' · history: ' + s.historyHosts +
      ' hosts, ' + s.historyMinutes + ' min';
  }

  function renderAlerts(view) {
    const rows = [];
    for (const alert of view.alerts) {
      const tr = el('tr', 'alert' + (alert.holding === false ? ' clearing' : ''));
      tr.setAttribute('data-alert', alert.id);
      tr.append(el('td', null, clock(alert.firstSeenMillis)), el('td', null, alert.rule), el('td', 'name', alert.subject),
        el('td', null, alert.message), el('td', 'num', num(alert.value, 1)), el('td', 'num', alert.occurrences),
        el('td', null, alert.holding === false ? 'clearing' : 'firing'));
      rows.push(tr);
    }
    $('alert-rows').replaceChildren(...rows);
    $('alert-count').textContent = String(view.alerts.length);
    $('no-alerts').hidden = view.alerts.length > 0;
    $('alerts').hidden = view.alerts.length === 0;
    const resolved = view.resolved.map((alert) => el('li', 'resolved-alert',
      clock(alert.atMillis) + ' ' + alert.message + ' (occurrences ' + alert.occurrences + ')'));
    $('resolved').replaceChildren(...resolved);
    $('resolved-count').textContent = String(view.resolved.length);
  }

  function renderDatacenters(view) {
    const sections = [];
    for (const dc of view.datacenters) {
      const section = el('section', 'datacenter');
      section.setAttribute('data-datacenter', dc.name);
      const title = el('h2', null, dc.name + ' ');
      title.append(el('span', 'count', dc.total + ' hosts'));
      if (dc.staleTotal > 0) title.append(' ', el('span', 'count', dc.staleTotal + ' stale'));
      if (dc.alerts > 0) title.append(' ', el('span', 'count', dc.alerts + ' alerts'));
      // a slice whose ranking has not come for a few emits: its hosts are shown as they were
      if (dc.rankedAtMillis > 0 && view.rankedAtMillis - dc.rankedAtMillis > 3000 * Math.max(1, dc.emitSecs)) {
        title.append(' ', el('span', 'count late', 'ranked ' + clock(dc.rankedAtMillis)));
      }
      section.append(title);
      section.append(hostTable(view, dc));
      if (dc.matching > dc.rows.length) {
        section.append(el('p', 'more', 'showing ' + dc.rows.length + ' of ' + dc.matching +
          (view.search ? ' matching hosts' : ' hosts') + ' — search or raise "top" to see others'));
      } else if (view.search && dc.rows.length === 0 && dc.total > 0) {
        section.append(el('p', 'more', 'no host matches'));
      }
      if (dc.stale.length > 0) {
        const list = el('ul', 'stale');
        for (const host of dc.stale) {
          const ago = host.lastSeenMillis ? ' (' + Math.round((view.nowMillis - host.lastSeenMillis) / 1000) + ' s ago)' : '';
          const item = el('li', 'stale-host', 'STALE ' + host.host + ' — last seen ' + clock(host.lastSeenMillis) + ago);
          item.setAttribute('data-host', host.host);
          list.append(item);
        }
        section.append(list);
      }
      sections.push(section);
    }
    if (sections.length === 0) sections.push(el('p', 'muted', 'waiting for the first ranking ...'));
    $('datacenters').replaceChildren(...sections);
  }

  function hostTable(view, dc) {
    const table = el('table', 'grid hosts');
    const head = el('tr');
    head.append(el('th', 'num', '#'), el('th', null, 'host'), el('th', 'num', 'score'), el('th', 'num', 'load'),
      el('th', 'num', 'fleet #'), el('th', 'num', 'fleet score'));
    for (const topic of view.topics) head.append(el('th', 'num', topic));
    head.append(el('th', null, 'score, last ' + view.stats.historyMinutes + ' min'));
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    dc.rows.forEach((host, index) => {
      const tr = el('tr', 'host' + (index === 0 && !view.search ? ' top' : '') + (host.alerting ? ' alerting' : '') +
        (host.host === state.selected ? ' selected' : ''));
      tr.setAttribute('data-host', host.host);
      tr.title = host.rack ? 'rack ' + host.rack : '';
      tr.append(el('td', 'num', host.rank), el('td', 'name', host.host + (host.incomplete ? ' *' : '')),
        el('td', 'num', sig(host.score)), el('td', 'num', num(host.load, 2)),
        el('td', 'num', host.fleetRank === null || host.fleetRank === undefined ? '–' : host.fleetRank),
        el('td', 'num', sig(host.fleetScore)));
      for (const topic of view.topics) {
        tr.append(el('td', 'num', num(host.averages ? host.averages[topic] : null, 1)));
      }
      const spark = el('td');
      spark.append(sparkline(host.spark));
      tr.append(spark);
      tr.addEventListener('click', () => showHost(host.host));
      body.append(tr);
    });
    table.append(thead, body);
    return table;
  }

  /** Polylines through the values, broken at gaps (null). */
  function lines(values, width, height, pad) {
    const present = values.filter((v) => v !== null && isFinite(v));
    const min = present.length ? Math.min(...present) : 0;
    const max = present.length ? Math.max(...present) : 1;
    const span = max - min || 1;
    const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
    const result = [];
    let points = [];
    values.forEach((value, i) => {
      if (value === null || !isFinite(value)) {
        if (points.length) result.push(points);
        points = [];
        return;
      }
      const x = pad + i * step;
      const y = height - pad - ((value - min) / span) * (height - 2 * pad);
      points.push(x.toFixed(1) + ',' + y.toFixed(1));
    });
    if (points.length) result.push(points);
    return { lines: result, min: min, max: max };
  }

  function sparkline(values) {
    const width = 120, height = 22;
    const node = svg('svg', { class: 'spark', width: width, height: height, viewBox: '0 0 ' + width + ' ' + height });
    const drawn = lines(values || [], width, height, 2);
    for (const points of drawn.lines) {
      node.append(svg('polyline', { points: points.length === 1 ? points[0] + ' ' + points[0] : points.join(' ') }));
    }
    return node;
  }

  function chart(title, times, values) {
    const width = 420, height = 120, pad = 14;
    const box = el('div', 'chart-box');
    box.append(el('h3', null, title));
    const node = svg('svg', { class: 'chart', width: width, height: height, viewBox: '0 0 ' + width + ' ' + height });
    const drawn = lines(values, width, height, pad);
    node.append(svg('line', { x1: pad, y1: height - pad, x2: width - pad, y2: height - pad }));
    for (const points of drawn.lines) {
      node.append(svg('polyline', { points: points.length === 1 ? points[0] + ' ' + points[0] : points.join(' ') }));
    }
    const label = (x, y, text, anchor) => {
      const t = svg('text', { x: x, y: y, 'text-anchor': anchor });
      t.textContent = text;
      node.append(t);
    };
    label(2, 10, num(drawn.max, 1), 'start');
    label(2, height - pad - 2, num(drawn.min, 1), 'start');
    if (times.length) {
      label(pad, height - 2, clock(times[0]), 'start');
      label(width - pad, height - 2, clock(times[times.length - 1]), 'end');
    }
    box.append(node);
    return box;
  }

  async function showHost(name) {
    state.selected = name;
    $('host-detail').hidden = false;
    $('detail-title').textContent = name;
    try {
      const response = await fetch('/api/host?host=' + encodeURIComponent(name), { cache: 'no-store' });
      if (!response.ok) {
        $('charts').replaceChildren(el('p', 'muted', 'no history for this host'));
        return;
      }
      const history = await response.json();
      if (state.selected !== name) return;
      const charts = [chart('score', history.times, history.scores)];
      for (const topic in history.averages) charts.push(chart(topic + ' average', history.times, history.averages[topic]));
      $('charts').replaceChildren(...charts);
    } catch (e) {
      $('charts').replaceChildren(el('p', 'muted', 'history unavailable'));
    }
  }

  function start() {
    $('top').addEventListener('change', () => { state.top = Number($('top').value); refresh(); });
    let timer = null;
    $('search').addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => { state.search = $('search').value; refresh(); }, 200);
    });
    $('detail-close').addEventListener('click', () => { state.selected = null; $('host-detail').hidden = true; refresh(); });
    const params = new URLSearchParams(location.search);
    if (params.get('search')) { state.search = params.get('search'); $('search').value = state.search; }
    if (params.get('host')) showHost(params.get('host'));
    if (params.get('live') !== '0' && window.EventSource) {
      const events = new EventSource('/events');
      events.addEventListener('open', () => setStatus('live', 'live'));
      events.addEventListener('error', () => setStatus('reconnecting', 'wait'));
      events.addEventListener('update', () => {
        refresh();
        if (state.selected) showHost(state.selected);
      });
    } else {
      setStatus('not live', 'wait');
    }
    refresh();
  }

  start();
})();
